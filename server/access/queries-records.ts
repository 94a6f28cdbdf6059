import {
  sql,
  type ExpressionBuilder,
  type Expression,
  type Kysely,
  type RawBuilder,
  type SqlBool,
} from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { handlesPersonalData } from './policies.ts';
import type { CurrentUser } from './sessions.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): memberships, grants and a case's
 * persons count only with the case's own key, so every join here matches it next to the case's
 * id; a case itself is looked for only in the user's area (`inUsersArea`).
 */

/** Need-to-know's SQL for cases (see records.ts): the conditions lists use, and access rows. */

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

/**
 * SQL condition on a users row (`alias`, e.g. `u`): the user works in this municipality, or for
 * the police district that covers it — the colleagues who may be asked onto its cases and forums.
 */
export function worksIn(alias: string, municipalityCode: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.municipality_code`)} = ${municipalityCode} or ${sql.ref(
    `${alias}.police_district_id`,
  )} = (select police_district_id from municipalities where code = ${municipalityCode}))`;
}

/** The user's live grants (`access_grants as g`, not expired) on the case of the outer `cases`. */
export function liveGrants(eb: ExpressionBuilder<DB, 'cases'>, user: CurrentUser) {
  return eb
    .selectFrom('access_grants as g')
    .whereRef('g.case_id', '=', 'cases.id')
    .whereRef('g.municipality_code', '=', 'cases.municipality_code')
    .where('g.user_id', '=', user.id)
    .where('g.expires_at', '>', sql<Date>`now()`);
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
          ? eb.exists(liveGrants(eb, user).select(sql`1`.as('one')))
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
      liveGrants(eb, user)
        .select((g) => g.fn.max('g.expires_at').as('until'))
        .as('grant_until'),
    ])
    .where(inUsersArea('cases.municipality_code', user));
}

/** One row of `accessRows`: a case with the user's membership and live grant. */
export type AccessRow = Awaited<
  ReturnType<ReturnType<typeof accessRows>['executeTakeFirstOrThrow']>
>;

/** The access row of one case in the user's area, or undefined. */
export async function caseAccessRow(db: Kysely<DB>, user: CurrentUser, caseId: string) {
  return accessRows(db, user).where('cases.id', '=', caseId).executeTakeFirst();
}

/** The access rows of the cases among `caseIds` in the user's area. */
export async function caseAccessRowsOf(
  db: Kysely<DB>,
  user: CurrentUser,
  caseIds: readonly string[],
) {
  return accessRows(db, user).where('cases.id', 'in', caseIds).execute();
}

/**
 * The access rows of the cases in the user's area that the persons are part of, one per case and
 * person, with the person's id; oldest case first.
 */
export async function personCaseAccessRows(
  db: Kysely<DB>,
  user: CurrentUser,
  personIds: readonly string[],
) {
  return accessRows(db, user)
    .innerJoin('case_persons as cp', (join) =>
      join
        .onRef('cp.case_id', '=', 'cases.id')
        .onRef('cp.municipality_code', '=', 'cases.municipality_code'),
    )
    .select(['cp.person_id', 'cases.reference'])
    .where('cp.person_id', 'in', personIds)
    .orderBy('cases.opened_at')
    .orderBy('cases.id')
    .execute();
}
