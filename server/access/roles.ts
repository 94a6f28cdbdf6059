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
  // Records concern inquiries (e.g. at a hotline) and sees nothing afterwards: a receipt only.
  'hotline',
  // A person at a partner organisation, invited into single cases: sees only what is granted.
  'partner',
] as const;

export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;
