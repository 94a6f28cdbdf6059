import type { Kysely } from 'kysely';
import type { PurposeLimit } from '../../shared/sharing.ts';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../platform/db/schema.ts';
import { allowCompartment } from './compartment.ts';
import { handlesPersonalData } from './policies.ts';
import { caseAccessRow, type AccessRow } from './queries-records.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Need-to-know: who may see which record. Personal data is visible only to
 *  (a) members of the case it belongs to, within their scope (`full`, or `intervention`: only
 *      their own intervention, as for a mentor), or
 *  (b) a coordinator holding a live break-the-glass grant for the case (60 minutes).
 * Everyone else — colleagues in the same municipality, administrators — gets `undefined` here,
 * which the routes answer with 404, exactly as for an id that does not exist. Lists filter with
 * the same rules (`visibleCase`), so a record leaves no trace in lists, searches or counts.
 *
 * The compartment (the concern itself) is for the case's coordinators and forum members, and for
 * a coordinator's break-the-glass grant; `grantCaseAccess` tells the presenter.
 *
 * Every row read here names its municipality (the tenant key, db/migrations/0015): memberships
 * and grants count only with the case's own key, as every query of a case's rows should. The
 * SQL itself lives in queries-records.ts; the conditions lists use are exported from here too.
 */
export { handlesPersonalData } from './policies.ts';
export { accessRows, inUsersArea, visibleCase } from './queries-records.ts';

export type CaseRole = 'coordinator' | 'forum' | 'member';
export type CaseScope = 'full' | 'intervention';

export interface CaseAccess {
  caseId: string;
  municipalityCode: string;
  /** The user's role in the case; null when access comes from break-the-glass alone. */
  role: CaseRole | null;
  scope: CaseScope;
  compartment: boolean;
  /** Access through a break-the-glass grant (marked in the audit trail). */
  breakGlass: boolean;
  breakGlassUntil: Date | null;
  /** The unit the user works for in this case (for the audit trail and access report). */
  unitId: string | null;
  /**
   * What the caller may use the case's information for, when the law binds it: a police user
   * receives it under retsplejeloven § 115, for crime prevention only (see `purposeLimitOf`).
   */
  purposeLimit: PurposeLimit | null;
}

/**
 * The purpose limit of a user's access to the municipality's cases: the police contact shares
 * in the municipality's work under retsplejeloven § 115 (SSP/Infohus), so everything they see and
 * export is for crime prevention, never for investigation. Other users work for the municipality.
 */
export function purposeLimitOf(user: Pick<CurrentUser, 'roles'>): PurposeLimit | null {
  return user.roles.includes('police_contact') ? 'crime_prevention_115' : null;
}

/** User roles that may hold the compartment (with the case role coordinator or forum). */
const COMPARTMENT_ROLES = new Set<string>(['coordinator', 'forum_member', 'police_contact']);

export function toAccess(row: AccessRow, user: CurrentUser): CaseAccess | undefined {
  const until = row.grant_until ? new Date(row.grant_until) : null;
  const role = (row.role ?? null) as CaseRole | null;
  // A grant is only ever given to a coordinator; it counts while the user still is one.
  const breakGlass = role === null && until !== null && user.roles.includes('coordinator');
  if (role === null && !breakGlass) return undefined;
  const mayReadCompartment = user.roles.some((r) => COMPARTMENT_ROLES.has(r));
  return {
    caseId: row.id,
    municipalityCode: row.municipality_code,
    role,
    scope: role === null ? 'full' : ((row.scope ?? 'full') as CaseScope),
    compartment: mayReadCompartment && (breakGlass || role === 'coordinator' || role === 'forum'),
    breakGlass,
    breakGlassUntil: breakGlass ? until : null,
    unitId: row.unit_id ?? user.unitIds[0] ?? null,
    purposeLimit: purposeLimitOf(user),
  };
}

/** One round trip: the user's access to a case, or undefined (answer 404). */
export async function findCaseAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  caseId: string,
): Promise<CaseAccess | undefined> {
  if (!handlesPersonalData(user)) return undefined;
  const row = await caseAccessRow(db, user, caseId);
  return row && toAccess(row, user);
}

/** Tells the presenter what this request may show of the case. */
export function grantCaseAccess(request: FastifyRequest, access: CaseAccess) {
  if (access.compartment) allowCompartment(request, 'case', access.caseId);
}
