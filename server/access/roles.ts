import { z } from 'zod';

/** The roles of the product. Names are translated in the UI (`roles.<code>`). */
export const ROLES = [
  'system_admin',
  'municipal_admin',
  'coordinator',
  'forum_member',
  'caseworker',
  'police_contact',
  'mentor',
  'leader',
  'analyst',
  'data_protection',
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/**
 * Roles whose work means seeing personal data of citizens; they must use a second factor.
 * (Everyone logs in with a second factor today; the list documents why it is mandatory.)
 */
export const PERSONAL_DATA_ROLES: readonly Role[] = [
  'coordinator',
  'forum_member',
  'caseworker',
  'police_contact',
  'mentor',
  'data_protection',
];
