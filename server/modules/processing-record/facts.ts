import { CasePersonRoleSchema } from '../../../shared/values.ts';
import { DATA_CATEGORIES, ORGANISATION_KINDS } from '../../../shared/sharing.ts';
import { THROTTLE } from '../../access/throttle.ts';

/**
 * The facts of the record of processing (GDPR art. 30) and of the citizen's notice letter (art.
 * 13/14), kept in this one place: the lists come from the value lists the code enforces
 * (categories of information and kinds of recipient organisation: shared/sharing.ts; the persons
 * a case can name: shared/values.ts), the security measures from the code that implements them
 * (docs/SECURITY.md describes each). The words for every code are in ./locales under
 * `processingRecord.*`. Nothing here is a setting: what a municipality configures (retention) is
 * read from its settings by record.ts, and what nothing configures is reported as "not
 * configured", never invented.
 */

/** Why the municipality processes the data. */
export const PURPOSES = [
  'prevention',
  'assessment',
  'interventions',
  'coordination',
  'documentation',
  'statistics',
] as const;

/** The legal bases the processing rests on, by the rule they name (texts in the locales). */
export const LEGAL_BASES = [
  'gdpr_6_1_e',
  'gdpr_6_1_c',
  'gdpr_9_2_g',
  'dpa_7_8',
  'aoj_115',
  'social_services',
  'public_administration',
] as const;

/** The persons whose data are processed: a case's persons (by role), reporters and staff. */
export const DATA_SUBJECTS = [...CasePersonRoleSchema.options, 'reporter', 'staff'] as const;

/** The categories of information (the same list as consent and sharing use). */
export const CATEGORIES = DATA_CATEGORIES;

/**
 * Who may receive data: partners by kind of organisation (only on a legal basis recorded for the
 * disclosure), the citizen themself (access), the archive; anonymous figures to leadership and
 * NCFE are not personal data.
 */
export const RECIPIENTS = [...ORGANISATION_KINDS, 'citizen', 'public_archive'] as const;

/** The citizen's rights the letter and the record name. */
export const RIGHTS = ['access', 'rectification', 'restriction', 'objection', 'complaint'] as const;

/** Security measures, each with the figures the code uses (texts take them as parameters). */
export function securityMeasures(session: { idleMinutes: number; absoluteHours: number }) {
  return [
    { code: 'two_factor', params: {} },
    { code: 'passwords', params: {} },
    {
      code: 'throttling',
      params: {
        accountLimit: THROTTLE.accountLimit,
        ipLimit: THROTTLE.ipLimit,
        windowMinutes: THROTTLE.windowMinutes,
      },
    },
    { code: 'sessions', params: { idle: session.idleMinutes, absolute: session.absoluteHours } },
    { code: 'need_to_know', params: {} },
    { code: 'compartment', params: {} },
    { code: 'field_encryption', params: {} },
    { code: 'audit_chain', params: {} },
    { code: 'audit_reads', params: {} },
    { code: 'security_headers', params: {} },
  ] as const;
}
