import { sql, type Insertable, type Kysely, type SqlBool, type Updateable } from 'kysely';
import type { Cursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The area interventions' SQL (tables area_interventions and area_intervention_entries, 0056).
 * Every query names the municipality (the tenant key); callers have checked the area first.
 */
type Db = Kysely<DB>;

const COLUMNS = [
  'i.id',
  'i.municipality_code',
  'i.area_id',
  'a.name as area_name',
  'i.kind',
  'i.title',
  'i.description',
  'i.target_group',
  'i.starts_on',
  'i.ends_on',
  'i.planned_participants',
  'i.actual_participants',
  'i.connector_ids',
  'i.status',
  'i.monitoring_until',
  'i.next_follow_up_on',
  'i.created_at',
  'i.version',
] as const;

function base(db: Db, municipalityCode: string) {
  return db
    .selectFrom('area_interventions as i')
    .innerJoin('housing_areas as a', 'a.id', 'i.area_id')
    .select(COLUMNS)
    .where('i.municipality_code', '=', municipalityCode);
}

/** One intervention of the municipality (undefined when there is none with the id). */
export async function findIntervention(db: Db, municipalityCode: string, id: string) {
  return base(db, municipalityCode).where('i.id', '=', id).executeTakeFirst();
}
export type InterventionRow = NonNullable<Awaited<ReturnType<typeof findIntervention>>>;

/** The sort key of the lists: the creation time to the millisecond (what a cursor holds). */
const CREATED_MS = sql<Date>`date_trunc('milliseconds', i.created_at)`;

/**
 * A page of the interventions of these areas, newest first (keyset by creation time and id),
 * filtered by kind and status: `limit` + 1 rows, the extra one saying a next page exists.
 */
export async function listInterventions(
  db: Db,
  municipalityCode: string,
  areaIds: readonly string[],
  filter: { kind?: string; status?: string; after: Cursor | null; limit: number },
): Promise<(InterventionRow & { created_ms: Date })[]> {
  if (areaIds.length === 0) return [];
  let query = base(db, municipalityCode)
    .select(CREATED_MS.as('created_ms'))
    .where('i.area_id', 'in', areaIds)
    .orderBy(CREATED_MS, 'desc')
    .orderBy('i.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.kind) query = query.where('i.kind', '=', filter.kind as 'upskilling');
  if (filter.status) query = query.where('i.status', '=', filter.status as 'planned');
  if (filter.after) {
    const { t, id } = filter.after;
    query = query.where(sql<SqlBool>`(${CREATED_MS}, i.id) < (${new Date(t)}, ${id}::uuid)`);
  }
  return query.execute();
}

/** Inserts an intervention; undefined when the id exists already (a repeated create). */
export async function insertIntervention(db: Db, values: Insertable<DB['area_interventions']>) {
  return db
    .insertInto('area_interventions')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Changes an intervention at the version given; undefined when the version moved on. */
export async function updateIntervention(
  db: Db,
  municipalityCode: string,
  id: string,
  version: number,
  values: Updateable<DB['area_interventions']>,
) {
  return db
    .updateTable('area_interventions')
    .set((eb) => ({ ...values, updated_at: new Date(), version: eb('version', '+', 1) }))
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export async function insertEntry(db: Db, values: Insertable<DB['area_intervention_entries']>) {
  await db.insertInto('area_intervention_entries').values(values).execute();
}

/** A follow-up sent again with its id: already stored on this intervention. */
export async function entryExists(
  db: Db,
  municipalityCode: string,
  interventionId: string,
  id: string,
) {
  const row = await db
    .selectFrom('area_intervention_entries')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('area_intervention_id', '=', interventionId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** A follow-up with the client's id; 409 when the id is taken by another record. */
export async function insertFollowUp(db: Db, values: Insertable<DB['area_intervention_entries']>) {
  const row = await db
    .insertInto('area_intervention_entries')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) throw new AppError('conflict');
}

/** An intervention's history in the order it was recorded (a follow-up may be dated earlier). */
export async function entriesOf(db: Db, municipalityCode: string, interventionId: string) {
  return db
    .selectFrom('area_intervention_entries')
    .select([
      'id',
      'kind',
      'from_status',
      'to_status',
      'happened_on',
      'note',
      'next_follow_up_on',
      'created_at',
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('area_intervention_id', '=', interventionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Interventions of these areas whose follow-up is due by `until` (not ended). */
export async function dueFollowUps(
  db: Db,
  municipalityCode: string,
  areaIds: readonly string[],
  until: string,
) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('area_interventions')
    .select(['id', 'area_id', 'next_follow_up_on'])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', 'in', areaIds)
    .where('status', '<>', 'ended')
    .where('next_follow_up_on', 'is not', null)
    .where('next_follow_up_on', '<=', until)
    .orderBy('next_follow_up_on')
    .orderBy('id')
    .execute();
}

/**
 * Figures for statistics (issue 17): the interventions of these areas that ran in the period
 * [from, to] — started on or before `to` (or not dated) and not ended before `from` — per area
 * and kind, with the participants summed (planned and actual).
 */
export async function countAreaInterventionsByArea(
  db: Db,
  municipalityCode: string,
  areaIds: readonly string[],
  from: string,
  to: string,
) {
  if (areaIds.length === 0) return [];
  const rows = await db
    .selectFrom('area_interventions')
    .select((eb) => [
      'area_id',
      'kind',
      eb.fn.countAll<string | number>().as('count'),
      eb.fn.sum<string | number | null>('planned_participants').as('planned'),
      eb.fn.sum<string | number | null>('actual_participants').as('actual'),
    ])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', 'in', areaIds)
    .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', to)]))
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .groupBy(['area_id', 'kind'])
    .orderBy('area_id')
    .orderBy('kind')
    .execute();
  return rows.map((r) => ({
    areaId: r.area_id,
    kind: r.kind,
    count: Number(r.count),
    plannedParticipants: Number(r.planned ?? 0),
    actualParticipants: Number(r.actual ?? 0),
  }));
}

/** The area's name (the identification's observation names it as the inquiry's context). */
export async function areaName(db: Db, municipalityCode: string, areaId: string) {
  const row = await db
    .selectFrom('housing_areas')
    .select('name')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', areaId)
    .executeTakeFirstOrThrow();
  return row.name;
}
