import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of housing areas themselves (housing_areas): every query names the area's municipality
 * (the tenant key). Who may see an area is decided before these are called
 * (server/access/area-access.ts).
 */
type Db = Kysely<DB>;

const areaColumns = [
  'a.id',
  'a.municipality_code',
  'a.name',
  'a.description',
  'a.local_actors',
  'a.geometry',
  'a.team_forum_id',
  'a.cadence',
  'a.archived_at',
  'a.version',
  'f.name as team_forum_name',
] as const;

export async function areaRow(db: Db, municipalityCode: string, id: string) {
  return db
    .selectFrom('housing_areas as a')
    .leftJoin('forums as f', 'f.id', 'a.team_forum_id')
    .select(areaColumns)
    .where('a.municipality_code', '=', municipalityCode)
    .where('a.id', '=', id)
    .executeTakeFirst();
}
export type AreaRow = NonNullable<Awaited<ReturnType<typeof areaRow>>>;

/** Locks the area row for a change (the version check and its parts' containment). */
export async function lockArea(trx: Transaction<DB>, municipalityCode: string, id: string) {
  return trx
    .selectFrom('housing_areas')
    .select(['id', 'version', 'geometry', 'archived_at', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Whether the id is used by any area (of any municipality): a reused id is a 409. */
export async function areaIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('housing_areas')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

/** Serialises name checks per municipality (as the forums do: the municipality's row). */
export async function lockAreaNames(trx: Transaction<DB>, municipalityCode: string) {
  await sql`select code from municipalities where code = ${municipalityCode} for no key update`.execute(
    trx,
  );
}

export async function areaNameTaken(
  db: Db,
  municipalityCode: string,
  name: string,
  exceptId: string | null,
): Promise<boolean> {
  let query = db
    .selectFrom('housing_areas')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where(sql<string>`lower(name)`, '=', name.toLowerCase())
    .where('archived_at', 'is', null);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export interface AreaInsert {
  id: string;
  municipality_code: string;
  name: string;
  description: string | null;
  local_actors: string | null;
  geometry: string;
  team_forum_id: string | null;
  cadence: string | null;
  created_by: string;
}

export async function insertArea(trx: Transaction<DB>, row: AreaInsert) {
  const now = new Date();
  await trx
    .insertInto('housing_areas')
    .values({ ...row, created_at: now, updated_at: now })
    .execute();
}

export interface AreaChange {
  name?: string;
  description?: string | null;
  local_actors?: string | null;
  geometry?: string;
  team_forum_id?: string | null;
  cadence?: string | null;
  archived_at?: Date | null;
}

/** The change, only at the version the caller saw; false when another change came first. */
export async function updateAreaAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  id: string,
  version: number,
  change: AreaChange,
): Promise<boolean> {
  const result = await trx
    .updateTable('housing_areas')
    .set({ ...change, updated_at: new Date(), version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A page of the areas among `ids` (those the caller may see), by (name, id), filtered by name,
 * status and cadence; one row more than `limit` tells there is a next page.
 */
export async function listAreaRows(
  db: Db,
  ids: readonly string[],
  filter: {
    q?: string | undefined;
    status: 'active' | 'archived' | 'all';
    cadence?: string | undefined;
    after: { name: string; id: string } | null;
    limit: number;
  },
) {
  if (ids.length === 0) return [];
  let query = db
    .selectFrom('housing_areas')
    .select(['id', 'name', 'cadence', 'archived_at'])
    .where('id', 'in', ids);
  if (filter.q) {
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<string>`lower(name)`, 'like', pattern);
  }
  if (filter.status === 'active') query = query.where('archived_at', 'is', null);
  if (filter.status === 'archived') query = query.where('archived_at', 'is not', null);
  if (filter.cadence === 'none') query = query.where('cadence', 'is', null);
  else if (filter.cadence) query = query.where('cadence', '=', filter.cadence);
  if (filter.after) {
    const { name, id } = filter.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(filter.limit + 1)
    .execute();
}

/** A live team forum (kind housing_area) of the municipality, or undefined. */
export async function teamForumOf(db: Db, municipalityCode: string, forumId: string) {
  return db
    .selectFrom('forums')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', forumId)
    .where('kind', '=', 'housing_area')
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

/** The municipality's live forums of kind housing_area (the team picker). */
export async function teamForums(db: Db, municipalityCode: string) {
  return db
    .selectFrom('forums')
    .select(['id', 'name'])
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', 'housing_area')
    .where('archived_at', 'is', null)
    .orderBy('name')
    .orderBy('id')
    .limit(500)
    .execute();
}
