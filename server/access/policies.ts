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

export const USER_POLICIES = {
  /** Read and work on records the user is a member of (need-to-know decides which). */
  'records.read': hasAny(...PERSONAL_DATA_ROLES),
  /** Open a case one is not a member of, with a reason and the second factor (60 minutes). */
  'records.breakGlass': hasAny('coordinator'),
  /** The citizen's access report: who looked at this person's data, when and why. */
  'records.accessReport': hasAny('coordinator', 'data_protection'),
  /** Manage users, units and second factors of one's own municipality (or all, for system admins). */
  'admin.users': hasAny('municipal_admin', 'system_admin'),
  /** Read the audit trail of one's own municipality. */
  'admin.audit': hasAny('municipal_admin', 'data_protection'),
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
    records: {
      read: allows(user, 'records.read'),
      breakGlass: allows(user, 'records.breakGlass'),
      accessReport: allows(user, 'records.accessReport'),
    },
    admin: {
      users: allows(user, 'admin.users'),
      audit: allows(user, 'admin.audit'),
    },
  };
}
export type Abilities = ReturnType<typeof abilities>;
