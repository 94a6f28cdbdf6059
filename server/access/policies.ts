import type { CurrentUser } from './sessions.ts';
import type { Role } from './roles.ts';

/**
 * The one place that decides who may do what. Every route names a policy; `public`, `pending`
 * (password given, second factor not yet) and `session` (logged in with two factors) are about
 * the session; the rest are functions of the user. A user without a matching rule is denied.
 * Per-record need-to-know (members of a case or forum) is decided by the access checks of the
 * record's module, which answer 404 for a record the user may not see.
 */
const hasAny =
  (...roles: Role[]) =>
  (user: CurrentUser) =>
    user.roles.some((r) => roles.includes(r));

/** Roles whose work involves citizens' personal data (always within need-to-know). */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'coordinator',
  'forum_member',
  'caseworker',
  'police_contact',
  'mentor',
];

/** Whether the user's work involves personal data at all; without it no record is visible. */
export function handlesPersonalData(user: CurrentUser): boolean {
  return user.roles.some((r) => PERSONAL_DATA_ROLES.includes(r));
}

export const USER_POLICIES = {
  /** Read and work on records the user is a member of (need-to-know decides which). */
  'records.read': hasAny(...PERSONAL_DATA_ROLES),
  /** The overview's coordinator filter: the coordinators of the cases one may see (names only). */
  'cases.coordinators': hasAny(...PERSONAL_DATA_ROLES),
  /** Open a case one is not a member of, with a reason and the second factor (60 minutes). */
  'records.breakGlass': hasAny('coordinator'),
  /** The citizen's access report: who looked at this person's data, when and why. */
  'records.accessReport': hasAny('coordinator', 'data_protection'),
  /**
   * A case's read log (who has read the case): the case's coordinators (checked per case by
   * case-abilities `readLog`) and the municipality's data-protection role.
   */
  'records.readLog': hasAny('coordinator', 'data_protection'),
  /** The municipality's disclosure register, searched by citizen, recipient, basis and period. */
  'disclosures.register': hasAny('data_protection'),
  /**
   * The citizen's access requests (aktindsigt): register, review, approve and release — the
   * municipality's data-protection role and coordinators (per request: access-request-abilities.ts).
   */
  // Only the data-protection role: a request's draft holds every case and inquiry of the citizen,
  // also those a coordinator is not on (need-to-know); the four-eyes approver is a second of them.
  'accessRequests.handle': hasAny('data_protection'),
  /**
   * Record a concern inquiry: any member of staff, and hotline staff. Recording is not reading:
   * the recorder gets a receipt and sees the inquiry only if need-to-know says so.
   */
  'inquiries.create': hasAny(
    'coordinator',
    'forum_member',
    'caseworker',
    'police_contact',
    'mentor',
    'hotline',
    'leader',
    'municipal_admin',
    'data_protection',
  ),
  /** Read and work on inquiries (the municipality's coordinators and the handling forum). */
  'inquiries.read': hasAny(...PERSONAL_DATA_ROLES),
  /** Merge two registrations of the same person. */
  'persons.merge': hasAny('coordinator'),
  /** See the municipality's forums (to assign an inquiry, or to manage them). */
  'forums.read': hasAny(...PERSONAL_DATA_ROLES, 'municipal_admin'),
  /** Forums and their members. */
  'forums.manage': hasAny('coordinator', 'municipal_admin'),
  /**
   * See one's meetings (issue 14): staff who sit in forums, those who manage them, and partners
   * invited as guests; which meetings is decided per meeting by meeting-access.ts.
   */
  'meetings.read': hasAny(...PERSONAL_DATA_ROLES, 'municipal_admin', 'partner'),
  /**
   * The municipality's whole interventions catalogue: read by those who keep it, and by leaders.
   * Case members choose offers from the case's own interventions tab, which names an entry that
   * reveals the concern only to the compartment's readers; the whole list would name them all.
   */
  'catalogue.read': hasAny('coordinator', 'municipal_admin', 'leader'),
  /** The municipality's interventions catalogue: create, change, load the standard offers. */
  'catalogue.manage': hasAny('municipal_admin', 'coordinator'),
  /** The municipality's settings (deadlines, four-eyes, retention): read. */
  'settings.read': hasAny('coordinator', 'municipal_admin'),
  /** The municipality's settings: change. */
  'settings.edit': hasAny('municipal_admin'),
  /** Manage users, units and second factors of one's own municipality (or all, for system admins). */
  'admin.users': hasAny('municipal_admin', 'system_admin'),
  /** Read the audit trail of one's own municipality. */
  'admin.audit': hasAny('municipal_admin', 'data_protection'),
  /** The legal bases that fit a sharing (the pickers of partner access and disclosures). */
  'sharing.bases': hasAny(...PERSONAL_DATA_ROLES, 'municipal_admin', 'data_protection'),
  /** The municipality's partner organisations: read (to choose one), and keep them. */
  'partners.read': hasAny(...PERSONAL_DATA_ROLES, 'municipal_admin', 'data_protection'),
  'partners.manage': hasAny('municipal_admin'),
  /** A partner's own cases: those they are invited to, within the invitation (issue 13). */
  'partner.cases': hasAny('partner'),
  /**
   * Across municipalities (issue 13 part 5): forward an inquiry (a coordinator of its
   * municipality, or the hotline employee who recorded it; transfer-access.ts decides per
   * inquiry), and see and decide the municipality's incoming case transfers (its coordinators).
   */
  'inquiries.forward': hasAny(...PERSONAL_DATA_ROLES, 'hotline'),
  'transfers.incoming': hasAny('coordinator'),
  /**
   * The police's feedback on inquiries handed to them (issue 14 part 8): a police contact sees the
   * inquiries handed to the police of their district (references only) and tells the
   * municipality what it may know (police-feedback-access.ts decides per inquiry).
   */
  'policeFeedback.send': hasAny('police_contact'),
  /**
   * The housing-area model (issue 16): who may open the area pages at all; area-access.ts decides
   * per area (its team, the forum managers, partners granted the area, aggregates for leaders).
   */
  'areas.read': hasAny(...PERSONAL_DATA_ROLES, 'municipal_admin', 'leader', 'analyst', 'partner'),
  /** Record a new housing area: the municipality's forum managers. */
  'areas.create': hasAny('coordinator', 'municipal_admin'),
  /** Figures about every area of the municipality, never its texts or shapes. */
  'areas.aggregates': hasAny('leader', 'analyst'),
  /** Approve an area action plan (four-eyes on top, in the plan's module). */
  'areas.approvePlan': hasAny('coordinator'),
  /**
   * The implementation follow-up tool and the municipality's self-profile (issue 16 part 6): the
   * coordinator keeps it; leaders and administrators read it.
   */
  'implementation.read': hasAny('coordinator', 'municipal_admin', 'leader'),
  'implementation.edit': hasAny('coordinator'),
  /** The municipality's record of processing activities (GDPR art. 30). */
  'admin.processingRecord': hasAny('municipal_admin', 'data_protection'),
  /** The data protection impact assessment template (GDPR art. 35): the data-protection role. */
  'admin.dpia': hasAny('data_protection'),
} satisfies Record<string, (user: CurrentUser) => boolean>;

export type UserPolicy = keyof typeof USER_POLICIES;
export type PolicyName = 'public' | 'pending' | 'session' | UserPolicy;

export function isUserPolicy(policy: PolicyName): policy is UserPolicy {
  return Object.hasOwn(USER_POLICIES, policy);
}

export function allows(user: CurrentUser, policy: UserPolicy): boolean {
  return USER_POLICIES[policy](user);
}

/** What the web app may show; computed here so the UI never re-implements a rule. */
export function abilities(user: CurrentUser) {
  return {
    inquiries: {
      create: allows(user, 'inquiries.create'),
      read: allows(user, 'inquiries.read'),
    },
    persons: { merge: allows(user, 'persons.merge') },
    forums: { read: allows(user, 'forums.read'), manage: allows(user, 'forums.manage') },
    meetings: { read: allows(user, 'meetings.read'), create: allows(user, 'forums.manage') },
    settings: { read: allows(user, 'settings.read'), edit: allows(user, 'settings.edit') },
    catalogue: { read: allows(user, 'catalogue.read'), manage: allows(user, 'catalogue.manage') },
    records: {
      read: allows(user, 'records.read'),
      breakGlass: allows(user, 'records.breakGlass'),
      accessReport: allows(user, 'records.accessReport'),
    },
    admin: {
      users: allows(user, 'admin.users'),
      audit: allows(user, 'admin.audit'),
      processingRecord: allows(user, 'admin.processingRecord'),
    },
    partners: { read: allows(user, 'partners.read'), manage: allows(user, 'partners.manage') },
    disclosures: { register: allows(user, 'disclosures.register') },
    dataProtection: { dpia: allows(user, 'admin.dpia') },
    accessRequests: { handle: allows(user, 'accessRequests.handle') },
    partner: { cases: allows(user, 'partner.cases') },
    transfers: { incoming: allows(user, 'transfers.incoming') },
    policeFeedback: { send: allows(user, 'policeFeedback.send') },
    housingAreas: { read: allows(user, 'areas.read'), create: allows(user, 'areas.create') },
    implementation: {
      read: allows(user, 'implementation.read'),
      edit: allows(user, 'implementation.edit'),
    },
  };
}
export type Abilities = ReturnType<typeof abilities>;
