import { z } from 'zod';

/**
 * Value lists and the deadline rule of the citizen's access request, aktindsigt (issue 13 part 7,
 * docs/ACCESS_REQUESTS.md), defined once here for server and web; the web labels them under
 * `accessRequests.*`.
 */

/**
 * A party's access to the case file under forvaltningsloven § 9, or the data subject's right of
 * access under GDPR art. 15 (with the access report's dates and purposes, C-579/21).
 */
export const AccessRequestKindSchema = z.enum(['party_access', 'data_subject_access']);
export type AccessRequestKind = z.infer<typeof AccessRequestKindSchema>;
export const ACCESS_REQUEST_KINDS = AccessRequestKindSchema.options;

/** How the request came. */
export const AccessRequestChannelSchema = z.enum([
  'letter',
  'digital_post',
  'email',
  'in_person',
  'phone',
]);
export type AccessRequestChannel = z.infer<typeof AccessRequestChannelSchema>;
export const ACCESS_REQUEST_CHANNELS = AccessRequestChannelSchema.options;

/** The draft is reviewed item by item, then approved by a second person, then released. */
export const AccessRequestStatusSchema = z.enum(['in_review', 'approved', 'released']);
export type AccessRequestStatus = z.infer<typeof AccessRequestStatusSchema>;
export const ACCESS_REQUEST_STATUSES = AccessRequestStatusSchema.options;

/** Where a draft item comes from. */
export const AccessItemSourceSchema = z.enum([
  'case',
  'inquiry',
  'network',
  'access_report',
  'disclosure',
  'consent',
]);
export type AccessItemSource = z.infer<typeof AccessItemSourceSchema>;

/** The reviewer's decision on an item (`pending` until decided). */
export const AccessDecisionSchema = z.enum(['pending', 'release', 'withhold', 'redact']);
export type AccessDecision = z.infer<typeof AccessDecisionSchema>;

/**
 * Why information is withheld or redacted — the product's own words for the exemptions it
 * supports (docs/ACCESS_REQUESTS.md names each source):
 * - police_section_115: information from the police shared under retsplejeloven § 115 (SSP/PSP/
 *   KSP), which the municipality may not pass on (forvaltningsloven § 15 b, nr. 1 and 6; GDPR
 *   art. 23 via databeskyttelsesloven § 22, stk. 2);
 * - third_party: information about others — family members, persons on the network map
 *   (forvaltningsloven § 15 b, nr. 5; GDPR art. 15(4));
 * - internal_working_papers: the authority's internal working documents (forvaltningsloven § 12);
 * - crime_prevention: prevention or investigation of crime (forvaltningsloven § 15 b, nr. 3;
 *   databeskyttelsesloven § 22, stk. 1, nr. 4);
 * - state_security: the security of the state (forvaltningsloven § 15 b, nr. 1);
 * - private_interest: weighty private interests, including the citizen's own
 *   (forvaltningsloven § 15 b, nr. 5; databeskyttelsesloven § 22, stk. 1, nr. 5).
 */
export const AccessExemptionSchema = z.enum([
  'police_section_115',
  'third_party',
  'internal_working_papers',
  'crime_prevention',
  'state_security',
  'private_interest',
]);
export type AccessExemption = z.infer<typeof AccessExemptionSchema>;
export const ACCESS_EXEMPTIONS = AccessExemptionSchema.options;

/**
 * The deadline rule, as the product reads the law:
 * - party_access: a decision within 7 working days of receipt, or the citizen is told why not
 *   and when to expect it (offentlighedsloven § 36, stk. 2, which the Ombudsman applies to
 *   partsaktindsigt under forvaltningsloven § 9; FOB 2015-4). Working days are Monday to Friday;
 *   public holidays are not counted out (the deadline can be set earlier by hand).
 * - data_subject_access: one month from receipt (GDPR art. 12(3)), extendable by two further
 *   months where the request is complex (the deadline may be set up to three months out).
 */
export const ACCESS_DEADLINE_RULES = {
  party_access: { workingDays: 7, maxMonths: null },
  data_subject_access: { months: 1, maxMonths: 3 },
} as const;

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  return target.toISOString().slice(0, 10);
}

function addWorkingDays(day: string, days: number): string {
  const at = new Date(`${day}T12:00:00Z`);
  let left = days;
  while (left > 0) {
    at.setUTCDate(at.getUTCDate() + 1);
    const weekday = at.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return at.toISOString().slice(0, 10);
}

/** The deadline of a request of `kind` received on `receivedOn` (YYYY-MM-DD). */
export function accessDeadline(kind: AccessRequestKind, receivedOn: string): string {
  return kind === 'party_access'
    ? addWorkingDays(receivedOn, ACCESS_DEADLINE_RULES.party_access.workingDays)
    : addMonths(receivedOn, ACCESS_DEADLINE_RULES.data_subject_access.months);
}

/** The latest deadline the law allows for the kind (null: no fixed end). */
export function latestAccessDeadline(kind: AccessRequestKind, receivedOn: string): string | null {
  return kind === 'data_subject_access'
    ? addMonths(receivedOn, ACCESS_DEADLINE_RULES.data_subject_access.maxMonths)
    : null;
}
