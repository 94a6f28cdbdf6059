import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The reads of the citizen's records the draft file is assembled from (assemble.ts): cases,
 * inquiries, consents and relations of one person, each matching the tenant key.
 */

/** The cases the person is on, with the persons on each (names and roles). */
export async function casesOfPerson(db: Kysely<DB>, mc: string, personId: string) {
  return db
    .selectFrom('cases as c')
    .innerJoin('case_persons as cp', (j) =>
      j.onRef('cp.case_id', '=', 'c.id').onRef('cp.municipality_code', '=', 'c.municipality_code'),
    )
    .select([
      'c.id',
      'c.reference',
      'c.status',
      'c.opened_at',
      'c.closed_at',
      'cp.role',
      sql<
        { name: string; role: string; self: boolean }[]
      >`coalesce((select json_agg(json_build_object('name', p.given_name || ' ' || p.family_name, 'role', o.role, 'self', p.id = ${personId}) order by o.role, p.family_name, p.given_name)
        from case_persons o join persons p on p.id = o.person_id and p.municipality_code = o.municipality_code
        where o.case_id = c.id and o.municipality_code = c.municipality_code), '[]'::json)`.as(
        'persons',
      ),
    ])
    .where('c.municipality_code', '=', mc)
    .where('cp.person_id', '=', personId)
    .orderBy('c.opened_at')
    .orderBy('c.id')
    .execute();
}

/** The inquiries the person is in, with the others named in each. */
export async function inquiriesOfPerson(db: Kysely<DB>, mc: string, personId: string) {
  return db
    .selectFrom('inquiries as i')
    .innerJoin('inquiry_persons as ip', (j) =>
      j
        .onRef('ip.inquiry_id', '=', 'i.id')
        .onRef('ip.municipality_code', '=', 'i.municipality_code'),
    )
    .select([
      'i.id',
      'i.reference',
      'i.status',
      'i.received_at',
      'i.channel',
      sql<
        string[]
      >`coalesce((select json_agg(p.given_name || ' ' || p.family_name order by o.position)
        from inquiry_persons o join persons p on p.id = o.person_id and p.municipality_code = o.municipality_code
        where o.inquiry_id = i.id and o.municipality_code = i.municipality_code and o.person_id <> ${personId}), '[]'::json)`.as(
        'others',
      ),
    ])
    .where('i.municipality_code', '=', mc)
    .where('ip.person_id', '=', personId)
    .orderBy('i.received_at')
    .orderBy('i.id')
    .execute();
}

/** The consents the person gave (case-interventions' consents). */
export async function consentsOfPerson(db: Kysely<DB>, mc: string, personId: string) {
  return db
    .selectFrom('case_consents as k')
    .innerJoin('cases as c', (j) =>
      j.onRef('c.id', '=', 'k.case_id').onRef('c.municipality_code', '=', 'k.municipality_code'),
    )
    .select([
      'k.id',
      'k.case_id',
      'c.reference',
      'k.given_by',
      'k.purpose',
      'k.method',
      sql<string>`to_char(k.given_on, 'YYYY-MM-DD')`.as('given_on'),
      sql<string | null>`to_char(k.withdrawn_on, 'YYYY-MM-DD')`.as('withdrawn_on'),
    ])
    .where('k.municipality_code', '=', mc)
    .where('k.person_id', '=', personId)
    .orderBy('k.given_on')
    .orderBy('k.id')
    .execute();
}

/** The persons related to the citizen (the network map's relations): third parties. */
export async function relationsOfPerson(db: Kysely<DB>, mc: string, personId: string) {
  return db
    .selectFrom('person_relations as r')
    .innerJoin('persons as p', (j) =>
      j
        .onRef('p.id', '=', 'r.related_person_id')
        .onRef('p.municipality_code', '=', 'r.municipality_code'),
    )
    .select(['r.relation', 'p.given_name', 'p.family_name'])
    .where('r.municipality_code', '=', mc)
    .where('r.person_id', '=', personId)
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

/**
 * The chronology of the cases, oldest first: when and what kind of event, never who or a note's
 * text; events about the concern itself (the compartment) are left out of the draft.
 */
export async function caseEventsOf(db: Kysely<DB>, mc: string, caseIds: string[]) {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('case_events')
    .select([
      'case_id',
      'kind',
      sql<string>`to_char(coalesce(happened_on, (occurred_at at time zone 'Europe/Copenhagen')::date), 'YYYY-MM-DD')`.as(
        'day',
      ),
    ])
    .where('municipality_code', '=', mc)
    .where('case_id', 'in', caseIds)
    .where('compartment', '=', false)
    .orderBy('occurred_at')
    .orderBy('id')
    .execute();
}

/**
 * The other persons the draft names (third parties, sorted ids): the persons on the citizen's
 * cases and inquiries and the citizen's relations. Their names are read into another citizen's
 * file, so each gets an audit entry of their own (their access report shows it).
 */
export async function thirdPartiesOfPerson(
  db: Kysely<DB>,
  mc: string,
  personId: string,
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select o.person_id as id
      from case_persons cp
      join case_persons o on o.case_id = cp.case_id and o.municipality_code = cp.municipality_code
     where cp.municipality_code = ${mc} and cp.person_id = ${personId} and o.person_id <> ${personId}
    union
    select o.person_id
      from inquiry_persons ip
      join inquiry_persons o
        on o.inquiry_id = ip.inquiry_id and o.municipality_code = ip.municipality_code
     where ip.municipality_code = ${mc} and ip.person_id = ${personId} and o.person_id <> ${personId}
    union
    select r.related_person_id
      from person_relations r
     where r.municipality_code = ${mc} and r.person_id = ${personId}
     order by 1`.execute(db);
  return rows.map((r) => r.id);
}
