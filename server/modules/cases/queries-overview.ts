import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { OPEN_INTERVENTION_STATUSES } from '../../../shared/values.ts';
import { visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseOverviewFilter, CaseSort } from './overview-schema.ts';

/**
 * The case overview's SQL: one statement per page, whatever the page size, in two stages. The
 * first finds the page: the visible cases that pass the filters, sorted by (sort key, id) and cut
 * to the page; only the last contact, when it is the sort, is computed for each case on the way
 * (the next scheduled follow-up is kept on the case, `cases.next_follow_up_due`, 0030, with an
 * index on (municipality, key, id) that the sort, its keyset and the overdue filter walk). The
 * second computes the other columns for the page's rows only: the last contact, the concern
 * change the latest held follow-up recorded, open interventions, the citizen (never for
 * intervention-scoped members) and the coordinators. Every subquery matches the tenant key next
 * to the case id. Keys that may be missing sort as a fixed far date (a case without a scheduled
 * follow-up last, without a contact first), so the keyset is a plain row comparison.
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
  nextFollowUp: sql`coalesce(cases.next_follow_up_due, ${sql.lit(NO_DATE_LATE)}::date)`,
  lastContact: sql`coalesce(k.last_contact, ${sql.lit(NO_DATE_EARLY)}::date)`,
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

/** The latest held follow-up or intervention session of the case `alias` names. */
function lastContactOf(alias: 'cases' | 'page'): RawBuilder<string | null> {
  const id = sql.ref(`${alias}.id`);
  const code = sql.ref(`${alias}.municipality_code`);
  return sql<string | null>`greatest(
    (select max(f.held_on) from case_follow_ups f
      where f.case_id = ${id} and f.municipality_code = ${code} and f.status = 'done'),
    (select max(s.held_on) from case_interventions i
       join intervention_sessions s on s.intervention_id = i.id
        and s.municipality_code = i.municipality_code
      where i.case_id = ${id} and i.municipality_code = ${code}))`;
}

/**
 * The page's cases in two stages: first the visible cases that pass the filters, sorted and cut
 * to the page (only the last contact, when it is the sort, is computed for every case), then the
 * other columns for the page's rows only.
 */
export async function overviewPage(db: Kysely<DB>, user: CurrentUser, q: OverviewQuery) {
  const open = sql.join(OPEN_INTERVENTION_STATUSES.map((s) => sql.lit(s)));
  const keyed = sql<{ last_contact: string | null }>`(select
      ${q.sort === 'lastContact' ? lastContactOf('cases') : sql`null::date`} as last_contact)`;
  const key = SORT_KEY[q.sort];
  const descending = q.sort === 'opened';
  const direction = descending ? sql`desc` : sql`asc`;
  let inner = db
    .selectFrom('cases')
    .leftJoin('case_members as m', (join) =>
      join
        .onRef('m.case_id', '=', 'cases.id')
        .onRef('m.municipality_code', '=', 'cases.municipality_code')
        .on('m.user_id', '=', user.id),
    )
    .innerJoinLateral(keyed.as('k'), (join) => join.onTrue())
    .select([
      'cases.id',
      'cases.municipality_code',
      'cases.reference',
      'cases.status',
      'cases.opened_at',
      'cases.concern_level',
      'm.role',
      'm.scope',
      'm.unit_id',
      'cases.next_follow_up_due as next_due',
      sql<string>`${key}`.as('sort_key'),
    ])
    .where(visibleCase(user));
  if (q.status) inner = inner.where('cases.status', '=', q.status);
  if (q.concernLevel) inner = inner.where('cases.concern_level', '=', q.concernLevel);
  if (q.coordinatorId) inner = inner.where(coordinatedBy(q.coordinatorId));
  if (q.mine) inner = inner.where(coordinatedBy(user.id));
  // As the sort key (no follow-up: the far date), so the index on it serves the filter too.
  const due = SORT_KEY.nextFollowUp;
  if (q.overdue === true) inner = inner.where(sql<SqlBool>`${due} < ${q.today}::date`);
  if (q.overdue === false) inner = inner.where(sql<SqlBool>`${due} >= ${q.today}::date`);
  if (q.reference) {
    const prefix = `${q.reference.toUpperCase()}%`;
    inner = inner.where(sql<SqlBool>`upper(cases.reference) like ${prefix}`);
  }
  if (q.person) inner = inner.where(personMatches(q.person));
  if (q.cursor) {
    const at = sql`(${q.cursor.k}::${KEY_TYPE[q.sort]}, ${q.cursor.id}::uuid)`;
    inner = inner.where(
      descending
        ? sql<SqlBool>`(${key}, cases.id) < ${at}`
        : sql<SqlBool>`(${key}, cases.id) > ${at}`,
    );
  }
  const page = inner
    .orderBy(sql`${key} ${direction}`)
    .orderBy(sql`cases.id ${direction}`)
    .limit(q.limit + 1);

  return db
    .selectFrom(page.as('page'))
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
          .whereRef('cp.case_id', '=', 'page.id')
          .whereRef('cp.municipality_code', '=', 'page.municipality_code')
          .where('cp.role', '=', 'citizen')
          .where(sql<SqlBool>`page.scope is distinct from 'intervention'`)
          .orderBy('p.family_name')
          .limit(1)
          .as('cz'),
      (join) => join.onTrue(),
    )
    .select((eb) => [
      'page.id',
      'page.municipality_code',
      'page.reference',
      'page.status',
      'page.opened_at',
      'page.concern_level',
      'page.role',
      'page.unit_id',
      'page.next_due',
      lastContactOf('page').as('last_contact'),
      eb
        .selectFrom('case_follow_ups as d')
        .select('d.concern_change')
        .whereRef('d.case_id', '=', 'page.id')
        .whereRef('d.municipality_code', '=', 'page.municipality_code')
        .where('d.status', '=', 'done')
        .orderBy('d.held_on', 'desc')
        .orderBy('d.recorded_at', 'desc')
        .limit(1)
        .as('concern_change'),
      sql<number>`(select count(*) from case_interventions i
        where i.case_id = page.id and i.municipality_code = page.municipality_code
          and i.status in (${open}))`.as('open_count'),
      'cz.citizen_id',
      'cz.given_name',
      'cz.family_name',
      eb
        .selectFrom('case_members as cm')
        .innerJoin('users as u', 'u.id', 'cm.user_id')
        .select(sql<string>`string_agg(u.display_name, ', ' order by u.display_name)`.as('names'))
        .whereRef('cm.case_id', '=', 'page.id')
        .whereRef('cm.municipality_code', '=', 'page.municipality_code')
        .where('cm.role', '=', 'coordinator')
        .as('coordinators'),
    ])
    .orderBy(sql`page.sort_key ${direction}`)
    .orderBy(sql`page.id ${direction}`)
    .execute();
}

export type OverviewRow = Awaited<ReturnType<typeof overviewPage>>[number];
