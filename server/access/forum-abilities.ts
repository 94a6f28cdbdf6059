import { requireMunicipalUser } from './municipal-user.ts';
import { allows } from './policies.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may do what with a forum: the one place that decides it. Coordinators and municipal
 * administrators (`forums.manage`) manage the forums of their own municipality; members see
 * their forum. A forum the caller may neither manage nor see answers 404 in the module.
 */

/** The caller may rename this forum and change its members. */
export function mayManageForum(user: CurrentUser, forum: { municipalityCode: string }): boolean {
  return allows(user, 'forums.manage') && user.municipalityCode === forum.municipalityCode;
}

/**
 * The municipality a new forum belongs to: the caller's own. 403 `forbidden` for a user of no
 * municipality (the policy `forums.manage` has already let them in).
 */
export function requireForumMunicipality(user: CurrentUser): string {
  return requireMunicipalUser(user);
}
