import { AppError } from '../platform/errors.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * The caller's own municipality, for work that belongs to one (the interventions catalogue, a new
 * forum, the disclosure register). 403 `forbidden` for a user of no municipality — a police
 * contact of a district, a system administrator — whom the route's policy may have let in.
 */
export function requireMunicipalUser(user: CurrentUser): string {
  if (!user.municipalityCode) throw new AppError('forbidden');
  return user.municipalityCode;
}
