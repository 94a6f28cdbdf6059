import { requireMunicipalUser } from './municipal-user.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may use the interventions catalogue: the one place that decides it. The catalogue is the
 * caller's own municipality's; reading (`catalogue.read`) and changing it (`catalogue.manage`)
 * are the routes' policies. A user of no municipality has no catalogue: 403 `forbidden`.
 */
export function requireCatalogueMunicipality(user: CurrentUser): string {
  return requireMunicipalUser(user);
}
