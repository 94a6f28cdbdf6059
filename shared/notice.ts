import { z } from 'zod';

/**
 * The citizen told (issue 13 part 8): how a citizen (or, for a child, a custody holder) was told
 * that the municipality processes their data (GDPR art. 13 and 14), or the exemption used
 * instead. Defined once here; the database's checks (db/migrations/0036_citizen_notice.sql) hold
 * the same lists, server and web import them, the web labels them under `notice.*`.
 */

/** How the person was told. */
export const NoticeMethodSchema = z.enum(['letter', 'digital_post', 'meeting', 'oral']);
export type NoticeMethod = z.infer<typeof NoticeMethodSchema>;
export const NOTICE_METHODS = NoticeMethodSchema.options;

/**
 * The exemptions from the duty to inform, each with its source (the texts, in the product's own
 * words, are in the locales under `notice.exemptions`):
 * - already_informed: the citizen already has the information (GDPR art. 13(4), art. 14(5)(a));
 * - disproportionate_effort: telling is impossible or would take a disproportionate effort
 *   (art. 14(5)(b), first part);
 * - would_defeat_purpose: telling would make the purpose of the processing impossible or seriously
 *   impair it (art. 14(5)(b), last part);
 * - secrecy_duty: the data must stay confidential under a statutory duty of secrecy
 *   (art. 14(5)(d));
 * - police_request: decisive public interests, e.g. the police asking that a crime-prevention or
 *   security matter is not revealed (databeskyttelsesloven § 22, stk. 2);
 * - private_interest: decisive private interests, including the citizen's own (a child's safety,
 *   a relative who reported), outweigh the citizen's interest in being told
 *   (databeskyttelsesloven § 22, stk. 1).
 */
export const NoticeExemptionSchema = z.enum([
  'already_informed',
  'disproportionate_effort',
  'would_defeat_purpose',
  'secrecy_duty',
  'police_request',
  'private_interest',
]);
export type NoticeExemption = z.infer<typeof NoticeExemptionSchema>;
export const NOTICE_EXEMPTIONS = NoticeExemptionSchema.options;

export const NoticeOutcomeSchema = z.enum(['informed', 'exempted']);
export type NoticeOutcome = z.infer<typeof NoticeOutcomeSchema>;
export const NOTICE_OUTCOMES = NoticeOutcomeSchema.options;

/**
 * Days after a case is opened before the case's coordinators get a work-list task when neither a
 * notice nor an exemption is recorded. A constant, not a setting: GDPR art. 14(3)(a) says within a
 * reasonable time and at the latest one month, so two weeks leaves time to act.
 */
export const NOTICE_DUE_DAYS = 14;
