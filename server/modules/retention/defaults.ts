import type { RetentionKind } from '../../../shared/retention.ts';

/**
 * The product's default retention periods (months), before the municipality confirms its own
 * (docs/RETENTION.md names the sources). They are the product's reading of the archive law
 * (arkivloven), the National Archives' rules on preservation and disposal (bevaring og kassation)
 * for municipal records and the GDPR's storage limitation (art. 5(1)(e)) — not legal advice. Each
 * starts unconfirmed, and the daily job deletes nothing by an unconfirmed period.
 */
export interface PeriodDefault {
  months: number;
  /** Where the period is counted from, for the page and the docs. */
  from: 'decision' | 'closure' | 'last_review' | 'access_end' | 'consent_end' | 'entry';
}

export const DEFAULT_PERIODS: Record<RetentionKind, PeriodDefault> = {
  // No concern: nothing more is needed once the decision can no longer be complained of.
  inquiry_no_concern: { months: 12, from: 'decision' },
  // Referred elsewhere (police, another concern): kept while a question about the referral is likely.
  inquiry_referred: { months: 24, from: 'decision' },
  // A closed case: five years after the last activity, as for the municipality's social case files.
  case_closed: { months: 60, from: 'closure' },
  // A case that was re-reviewed after closure: five years counted from the last re-review.
  case_reviewed: { months: 60, from: 'last_review' },
  // A partner's access to a case: documentation of who had access, as long as the case.
  partner_access: { months: 60, from: 'access_end' },
  // Consent: kept as proof of the processing it allowed, as long as the case.
  consent: { months: 60, from: 'consent_end' },
  // The audit trail: long enough for the citizen's access report over a case's life (C-579/21).
  audit_trail: { months: 60, from: 'entry' },
};

/** The kinds the daily job acts on by itself; partner access and consent go with their case. */
export const JOB_KINDS = [
  'inquiry_no_concern',
  'inquiry_referred',
  'case_closed',
  'case_reviewed',
] as const satisfies readonly RetentionKind[];
