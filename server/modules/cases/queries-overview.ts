import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { OPEN_INTERVENTION_STATUSES } from '../../../shared/values.ts';
import { visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseOverviewFilter, CaseSort } from './overview-schema.ts';

/**
 * The case overview's SQL: one statement per page, whatever the page size. Each case's figures
 * come from lateral subqueries on the case's own rows (tenant key next to the case id):
 *
 * - `fu`: the earliest scheduled follow-up and the latest held one (case_follow_ups_case_idx);
 * - `dir`: the concern change the latest held follow-up recorded;
 * - `iv`: open interventions and the latest session held in any of the case's interventions;
 * - `cz`: the citizen, only where the caller's membership is not intervention-scoped.
 *
 * The keyset is (sort key, id); keys that may be missing sort as a fixed far date, so the
 * comparison is a plain row comparison.
 */

/** A search of persons of the case: a name's words (each a part of the name) or a CPR digest. */
export type PersonMatch = { kind: 'name'; words: string[] } | { kind: 'cpr'; digest: string };

export interface OverviewQuery extends CaseOverviewFilter {
  /** Today in Denmark (YYYY-MM-DD): a follow-up due before it is overdue. */
  today: string;
  person?: PersonMatch | undefined;
  cursor: { k: string; id: string } | null;
}

export const NO_DATE_LATE = '9999-12-31';
export const NO_DATE_EARLY = '0001-01-01';

const SORT_KEY: Record<CaseSort, RawBuilder<unknown>> = {
  opened: sql`cases.opened_at`,
  reference: sql`cases.reference`,
  nextFollowUp: sql`coalesce(fu.next_due, ${sql.lit(NO_DATE_LATE)}::date)`,
  lastContact: sql`coalesce(greatest(fu.last_held, iv.last_session), ${sql.lit(NO_DATE_EARLY)}::date)`,
};
const KEY_TYPE: Record<CaseSort, RawBuilder<unknown>> = {
  opened: sql`timestamptz`,
  reference: sql`text`,
  nextFollowUp: sql`date`,
  lastContact: sql`date`,
};

/** `%` and `_` typed by the user are letters, not wildcards. */
function likeWord(word: string): string {
  return `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** A person of the case (never for intervention-scoped members) matches the search. */
function personMatches(match: PersonMatch): RawBuilder<SqlBool> {
  const condition =
    match.kind === 'cpr'
      ? sql`p.cpr_digest = ${match.digest}`
      : sql.join(
          match.words.map((w) => sql`(p.given_name || ' ' || p.family_name) ilike ${likeWord(w)}`),
          sql` and `,
        );
  return sql<SqlBool>`m.scope is distinct from 'intervention' and exists (
    select 1 from case_persons sp
      join persons p on p.id = sp.person_id and p.municipality_code = sp.municipality_code
     where sp.case_id = cases.id and sp.municipality_code = cases.municipality_code
       and p.merged_into is null and ${condition})`;
}

/** A coordinator of the case is this user. */
function coordinatedBy(userId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`exists (
    select 1 from case_members cm
     where cm.case_id = cases.id and cm.municipality_code = cases.municipality_code
       and cm.user_id = ${userId} and cm.role = 'coordinator')`;
}

export async function overviewPage(db: Kysely<DB>, user: CurrentUser, q: OverviewQuery) {
  const open = sql.join(OPEN_INTERVENTION_STATUSES.map((s) => sql.lit(s)));
  let query = db
    .selectFrom('cases')
    .leftJoin('case_members as m', (join) =>
      join
        .onRef('m.case_id', '=', 'cases.id')
        .onRef('m.municipality_code', '=', 'cases.municipality_code')
        .on('m.user_id', '=', user.id),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_follow_ups as f')
          .select([
            sql<string | null>`min(f.due_on) filter (where f.status = 'scheduled')`.as('next_due'),
            sql<string | null>`max(f.held_on) filter (where f.status = 'done')`.as('last_held'),
          ])
          .whereRef('f.case_id', '=', 'cases.id')
          .whereRef('f.municipality_code', '=', 'cases.municipality_code')
          .as('fu'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_follow_ups as d')
          .select('d.concern_change')
          .whereRef('d.case_id', '=', 'cases.id')
          .whereRef('d.municipality_code', '=', 'cases.municipality_code')
          .where('d.status', '=', 'done')
          .orderBy('d.held_on', 'desc')
          .orderBy('d.recorded_at', 'desc')
          .limit(1)
          .as('dir'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_interventions as i')
          .leftJoin('intervention_sessions as s', (join) =>
            join
              .onRef('s.intervention_id', '=', 'i.id')
              .onRef('s.municipality_code', '=', 'i.municipality_code'),
          )
          .select([
            sql<number>`count(distinct i.id) filter (where i.status in (${open}))`.as('open_count'),
            sql<string | null>`max(s.held_on)`.as('last_session'),
          ])
          .whereRef('i.case_id', '=', 'cases.id')
          .whereRef('i.municipality_code', '=', 'cases.municipality_code')
          .as('iv'),
      (join) => join.onTrue(),
    )
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom('case_persons as cp')
          .innerJoin('persons as p', (join) =>
            join
              .onRef('p.id', '=', 'cp.person_id')
              .onRef('p.municipality_code', '=', 'cp.municipality_code'),
          )
          .select(['p.id as citizen_id', 'p.given_name', 'p.family_name'])
          .whereRef('cp.case_id', '=', 'cases.id')
          .whereRef('cp.municipality_code', '=', 'cases.municipality_code')
          .where('cp.role', '=', 'citizen')
          .where(sql<SqlBool>`m.scope is distinct from 'intervention'`)
          .orderBy('p.family_name')
          .limit(1)
          .as('cz'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'cases.id',
      'cases.municipality_code',
      'cases.reference',
      'cases.status',
      'cases.opened_at',
      'cases.concern_level',
      'm.role',
      'm.unit_id',
      'fu.next_due',
      'dir.concern_change',
      'iv.open_count',
      sql<string | null>`greatest(fu.last_held, iv.last_session)`.as('last_contact'),
      'cz.citizen_id',
      'cz.given_name',
      'cz.family_name',
      eb
        .selectFrom('case_members as cm')
        .innerJoin('users as u', 'u.id', 'cm.user_id')
        .select(sql<string>`string_agg(u.display_name, ', ' order by u.display_name)`.as('names'))
        .whereRef('cm.case_id', '=', 'cases.id')
        .whereRef('cm.municipality_code', '=', 'cases.municipality_code')
        .where('cm.role', '=', 'coordinator')
        .as('coordinators'),
    ])
    .where(visibleCase(user));

  if (q.status) query = query.where('cases.status', '=', q.status);
  if (q.concernLevel) query = query.where('cases.concern_level', '=', q.concernLevel);
  if (q.coordinatorId) query = query.where(coordinatedBy(q.coordinatorId));
  if (q.mine) query = query.where(coordinatedBy(user.id));
  if (q.overdue === true) query = query.where(sql<SqlBool>`fu.next_due < ${q.today}::date`);
  if (q.overdue === false) {
    query = query.where(sql<SqlBool>`(fu.next_due is null or fu.next_due >= ${q.today}::date)`);
  }
  if (q.reference) {
    query = query.where(
      sql<SqlBool>`upper(cases.reference) like ${`${q.reference.toUpperCase()}%`}`,
    );
  }
  if (q.person) query = query.where(personMatches(q.person));

  const key = SORT_KEY[q.sort];
  const descending = q.sort === 'opened';
  if (q.cursor) {
    const at = sql`(${q.cursor.k}::${KEY_TYPE[q.sort]}, ${q.cursor.id}::uuid)`;
    query = query.where(
      descending
        ? sql<SqlBool>`(${key}, cases.id) < ${at}`
        : sql<SqlBool>`(${key}, cases.id) > ${at}`,
    );
  }
  const direction = descending ? sql`desc` : sql`asc`;
  return query
    .orderBy(sql`${key} ${direction}`)
    .orderBy(sql`cases.id ${direction}`)
    .limit(q.limit + 1)
    .execute();
}

export type OverviewRow = Awaited<ReturnType<typeof overviewPage>>[number];

/** The user is a user of the municipality (a coordinator filter names only such users). */
export async function isUserOfMunicipality(
  db: Kysely<DB>,
  userId: string,
  municipalityCode: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return row !== undefined;
}
