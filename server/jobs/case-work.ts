import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { runOfferJob } from '../modules/case-interventions/job.ts';
import { runFollowUpJob } from '../modules/follow-ups/job.ts';
import { runReviewJob } from '../modules/closure/job.ts';
import { runPartnerExpiryJob } from '../modules/partners/job.ts';
import { runConsentExpiryJob } from '../modules/case-interventions/consent-job.ts';

/**
 * The case-work job: renewed offers that have fallen due, overdue follow-ups and re-reviews that
 * have fallen due, and consents that expired, become notifications for the case's coordinators (once each), and a case whose
 * re-review is due moves to "under re-review". Each part claims its rows with
 * `for update skip locked` and marks them in the same transaction, so two processes never warn
 * twice. `now` is the clock, so tests can move time.
 */
export interface CaseWorkJobResult {
  offersDue: number;
  followUpsOverdue: number;
  reviewsDue: number;
  /** Partner invitations past their end date, recorded in the chronology (issue 13). */
  partnerAccessExpired: number;
  consentsExpired: number;
}

export async function runCaseWorkJob(
  db: Kysely<DB>,
  now: Date = new Date(),
): Promise<CaseWorkJobResult> {
  const offersDue = await runOfferJob(db, now);
  const followUpsOverdue = await runFollowUpJob(db, now);
  const reviewsDue = await runReviewJob(db, now);
  const partnerAccessExpired = await runPartnerExpiryJob(db, now);
  const consentsExpired = await runConsentExpiryJob(db, now);
  return { offersDue, followUpsOverdue, reviewsDue, partnerAccessExpired, consentsExpired };
}
