import { z } from 'zod';
import { AppError } from '../platform/errors.ts';
import type { InquiryAccess } from './inquiry-access.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may do what with a concern inquiry: the one place that decides it. Services call
 * `requireInquiryAbility` before they change an inquiry; the inquiry response carries
 * `inquiryAbilities`, so the web shows exactly the actions the server allows and never compares
 * roles itself.
 *
 * The rules come from the caller's place (`InquiryAccess`):
 * - the municipality's coordinators receive, triage, assign the forum, decide, approve a
 *   decision waiting for a second pair of eyes, and reopen;
 * - the handling forum's members (while the inquiry is assessed) edit it and contribute, and
 *   triage when the municipality lets the forum triage.
 * Whether the inquiry's state allows the action (not yet decided, a decision waiting for review)
 * is the module's own check and answer (`inquiry_decided`, `nothing_to_review`); the response's
 * abilities combine both.
 */
export const INQUIRY_ACTIONS = [
  'read',
  'edit',
  'assignForum',
  'triage',
  'contribute',
  'decide',
  'review',
  'reopen',
] as const;
export type InquiryAction = (typeof INQUIRY_ACTIONS)[number];

export const InquiryAbilitiesSchema = z
  .object(
    Object.fromEntries(INQUIRY_ACTIONS.map((action) => [action, z.boolean()])) as Record<
      InquiryAction,
      z.ZodBoolean
    >,
  )
  .describe(
    'What the caller may do with this inquiry right now. The web shows actions from this ' +
      'alone; the server checks the same rules.',
  );
export type InquiryAbilities = z.infer<typeof InquiryAbilitiesSchema>;

/** The municipality's setting the rules depend on: who triages. */
export interface InquiryRules {
  triageBy: 'coordinator' | 'forum';
}

/** The rules by the caller's place alone (the server's guard). */
export function inquiryAbilitiesByPlace(
  access: InquiryAccess,
  rules: InquiryRules,
): InquiryAbilities {
  const { coordinator, forum } = access;
  const works = coordinator || forum;
  return {
    read: true,
    edit: works,
    assignForum: coordinator,
    triage: coordinator || (forum && rules.triageBy === 'forum'),
    contribute: works,
    decide: coordinator,
    review: coordinator,
    reopen: coordinator,
  };
}

/** Received or triaged: still being assessed (waiting for approval freezes it like a decision). */
export function inquiryIsOpen(status: string): boolean {
  return status === 'received' || status === 'triaged';
}

/**
 * What the inquiry response tells the web: the rules by place, narrowed by the inquiry's state.
 * A decision waiting for approval may be reviewed by any coordinator but the one who made it.
 */
export function inquiryAbilities(
  access: InquiryAccess,
  rules: InquiryRules & { pendingDecidedBy: string | null; userId: string },
): InquiryAbilities {
  const place = inquiryAbilitiesByPlace(access, rules);
  const open = inquiryIsOpen(access.status);
  return {
    read: place.read,
    edit: place.edit && open,
    assignForum: place.assignForum && open,
    triage: place.triage && open,
    contribute: place.contribute && open,
    decide: place.decide && open,
    review:
      place.review &&
      access.status === 'awaiting_approval' &&
      rules.pendingDecidedBy !== null &&
      rules.pendingDecidedBy !== rules.userId,
    reopen: place.reopen && access.status === 'decided',
  };
}

/**
 * 403 `forbidden` unless the caller's place allows `action` on the inquiry. Triage depends on
 * the municipality's rules; the other actions do not.
 */
export function requireInquiryAbility(
  access: InquiryAccess,
  action: 'triage',
  rules: InquiryRules,
): void;
export function requireInquiryAbility(
  access: InquiryAccess,
  action: Exclude<InquiryAction, 'triage'>,
): void;
export function requireInquiryAbility(
  access: InquiryAccess,
  action: InquiryAction,
  rules: InquiryRules = { triageBy: 'coordinator' },
): void {
  if (!inquiryAbilitiesByPlace(access, rules)[action]) throw new AppError('forbidden');
}

/**
 * The municipality an inquiry the caller records belongs to: their own. 403 `forbidden` for a
 * user of no municipality (the policy `inquiries.create` has already let them in).
 */
export function requireIntakeMunicipality(user: CurrentUser): string {
  if (!user.municipalityCode) throw new AppError('forbidden');
  return user.municipalityCode;
}

/**
 * Whether the person who recorded an inquiry may open it from the receipt: only a coordinator of
 * its municipality (a forum is not assigned yet).
 */
export function mayOpenRecordedInquiry(user: CurrentUser, municipalityCode: string): boolean {
  return user.roles.includes('coordinator') && user.municipalityCode === municipalityCode;
}

/**
 * The police's feedback on an inquiry handed to them (issue 14 part 8) is marked read by the
 * inquiry's coordinators (the coordinators of its municipality); it is their task until then.
 */
export function mayMarkPoliceFeedbackRead(access: InquiryAccess): boolean {
  return access.coordinator;
}

/** 403 unless the caller may mark the police's feedback read (`mayMarkPoliceFeedbackRead`). */
export function requireMarkPoliceFeedbackRead(access: InquiryAccess): void {
  if (!mayMarkPoliceFeedbackRead(access)) throw new AppError('forbidden');
}
