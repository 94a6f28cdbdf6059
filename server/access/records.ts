import {
  sql,
  type ExpressionBuilder,
  type Expression,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { DB } from '../platform/db/schema.ts';
import { allowCompartment } from './compartment.ts';
import { PERSONAL_DATA_ROLES } from './policies.ts';
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
 * and grants count only with the case's own key, as every query of a case's rows should.
 */
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
}

/** User roles that may hold the compartment (with the case role coordinator or forum). */
const COMPARTMENT_ROLES = new Set<string>(['coordinator', 'forum_member', 'police_contact']);

export function handlesPersonalData(user: CurrentUser): boolean {
  return user.roles.some((r) => PERSONAL_DATA_ROLES.includes(r));
}

/**
 * The record's municipality is the user's own, or (for police staff) one their district covers.
 * Membership is still required on top of this: it only stops a record crossing municipalities.
 */
export function inUsersArea(column: string, user: CurrentUser): RawBuilder<SqlBool> {
  const clauses: RawBuilder<SqlBool>[] = [];
  if (user.municipalityCode) {
    clauses.push(sql<SqlBool>`${sql.ref(column)} = ${user.municipalityCode}`);
  }
  if (user.policeDistrictId !== null) {
    clauses.push(
      sql<SqlBool>`${sql.ref(column)} in (select code from municipalities where police_district_id = ${user.policeDistrictId})`,
    );
  }
  return clauses.length > 0 ? sql<SqlBool>`(${sql.join(clauses, sql` or `)})` : sql<SqlBool>`false`;
}

/** SQL condition on `cases`: the user may see this case. Use it in every list and count. */
export function visibleCase(user: CurrentUser) {
  return (eb: ExpressionBuilder<DB, 'cases'>): Expression<SqlBool> => {
    if (!handlesPersonalData(user)) return sql<SqlBool>`false`;
    return eb.and([
      inUsersArea('cases.municipality_code', user),
      eb.or([
        eb.exists(
          eb
            .selectFrom('case_members as vm')
            .select(sql`1`.as('one'))
            .whereRef('vm.case_id', '=', 'cases.id')
            .whereRef('vm.municipality_code', '=', 'cases.municipality_code')
            .where('vm.user_id', '=', user.id),
        ),
        // As in toAccess: a grant counts only while its holder is still a coordinator.
        user.roles.includes('coordinator')
          ? eb.exists(
              eb
                .selectFrom('access_grants as vg')
                .select(sql`1`.as('one'))
                .whereRef('vg.case_id', '=', 'cases.id')
                .whereRef('vg.municipality_code', '=', 'cases.municipality_code')
                .where('vg.user_id', '=', user.id)
                .where('vg.expires_at', '>', sql<Date>`now()`),
            )
          : sql<SqlBool>`false`,
      ]),
    ]);
  };
}

/** The cases in the user's area with the user's membership and live grant, one row each. */
export function accessRows(db: Kysely<DB>, user: CurrentUser) {
  return db
    .selectFrom('cases')
    .leftJoin('case_members as m', (join) =>
      join
        .onRef('m.case_id', '=', 'cases.id')
        .onRef('m.municipality_code', '=', 'cases.municipality_code')
        .on('m.user_id', '=', user.id),
    )
    .select((eb) => [
      'cases.id',
      'cases.municipality_code',
      'm.role',
      'm.scope',
      'm.unit_id',
      eb
        .selectFrom('access_grants as g')
        .select((g) => g.fn.max('g.expires_at').as('until'))
        .whereRef('g.case_id', '=', 'cases.id')
        .whereRef('g.municipality_code', '=', 'cases.municipality_code')
        .where('g.user_id', '=', user.id)
        .where('g.expires_at', '>', sql<Date>`now()`)
        .as('grant_until'),
    ])
    .where(inUsersArea('cases.municipality_code', user));
}

type AccessRow = Awaited<ReturnType<ReturnType<typeof accessRows>['executeTakeFirstOrThrow']>>;

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
  };
}

/** One round trip: the user's access to a case, or undefined (answer 404). */
export async function findCaseAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  caseId: string,
): Promise<CaseAccess | undefined> {
  if (!handlesPersonalData(user)) return undefined;
  const row = await accessRows(db, user).where('cases.id', '=', caseId).executeTakeFirst();
  return row && toAccess(row, user);
}

/** Tells the presenter what this request may show of the case. */
export function grantCaseAccess(request: FastifyRequest, access: CaseAccess) {
  if (access.compartment) allowCompartment(request, 'case', access.caseId);
}
