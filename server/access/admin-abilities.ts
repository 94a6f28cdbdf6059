import { AppError } from '../platform/errors.ts';
import type { Role } from './roles.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * What an administrator may do: the one place that decides it for the administration
 * (server/modules/admin). A system administrator administers every municipality; a municipal
 * administrator only their own, never a system administrator, never the system administrator
 * role, and never police staff. Which user or unit is found at all (404 outside the caller's
 * municipality) is the module's query; these rules answer 403 `forbidden`.
 */

/** Roles only a system administrator may grant or take away. */
export const SYSTEM_ONLY_ROLES: readonly Role[] = ['system_admin'];

/** The caller administers every municipality. */
export function administersAll(user: CurrentUser): boolean {
  return user.roles.includes('system_admin');
}

/** A municipal administrator may neither grant nor take away the system administrator role. */
export function requireGrantable(
  user: CurrentUser,
  before: readonly Role[],
  after: readonly Role[],
): void {
  if (administersAll(user)) return;
  const changed = SYSTEM_ONLY_ROLES.some((r) => before.includes(r) !== after.includes(r));
  if (changed) {
    throw new AppError('forbidden', {
      fields: [{ field: 'body.roles', code: 'role_not_grantable' }],
    });
  }
}

/** A municipal administrator never acts on a system administrator. */
export function requireMayAdminister(user: CurrentUser, target: { roles: readonly Role[] }): void {
  if (!administersAll(user) && target.roles.some((r) => SYSTEM_ONLY_ROLES.includes(r))) {
    throw new AppError('forbidden');
  }
}

/**
 * A municipal administrator creates in their own municipality: one named in the body must be
 * theirs (403 naming body.municipalityCode). Nothing to check for a system administrator.
 */
export function requireOwnMunicipality(
  user: CurrentUser,
  requested: string | undefined,
  own: string | null,
): void {
  if (administersAll(user)) return;
  if (requested !== undefined && requested !== own) {
    throw new AppError('forbidden', {
      fields: [{ field: 'body.municipalityCode', code: 'municipality_not_allowed' }],
    });
  }
}

/**
 * Where a municipal administrator places a new user: in their own municipality, never in a
 * police district (403). Returns their municipality.
 */
export function requireMunicipalPlacement(
  user: CurrentUser,
  body: { municipalityCode?: string | undefined; policeDistrictId?: number | undefined },
): string {
  if (body.policeDistrictId !== undefined) {
    throw new AppError('forbidden', {
      fields: [{ field: 'body.policeDistrictId', code: 'police_district_not_allowed' }],
    });
  }
  const municipalityCode = user.municipalityCode;
  if (!municipalityCode) throw new AppError('forbidden');
  requireOwnMunicipality(user, body.municipalityCode, municipalityCode);
  return municipalityCode;
}
