import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The SQL of an area's zones and places (housing_area_parts); always by the tenant key. */
type Db = Kysely<DB>;

const partColumns = [
  'id',
  'area_id',
  'level',
  'kind',
  'zone_id',
  'name',
  'description',
  'local_actors',
  'geometry',
  'archived_at',
  'version',
] as const;

/** Every zone and place of the area (archived ones too), zones first, by name. */
export async function partRows(db: Db, municipalityCode: string, areaId: string) {
  return db
    .selectFrom('housing_area_parts')
    .select(partColumns)
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .orderBy('level', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
}
export type PartRow = Awaited<ReturnType<typeof partRows>>[number];

/** One part of this area (undefined for a part of another area or municipality). */
export async function partRow(db: Db, municipalityCode: string, areaId: string, partId: string) {
  return db
    .selectFrom('housing_area_parts')
    .select(partColumns)
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('id', '=', partId)
    .executeTakeFirst();
}

/** How many live zones and places the area has (the cap on them). */
export async function livePartCount(db: Db, municipalityCode: string, areaId: string) {
  const row = await db
    .selectFrom('housing_area_parts')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('archived_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function partIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('housing_area_parts')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export interface PartInsert {
  id: string;
  municipality_code: string;
  area_id: string;
  zone_id: string | null;
  level: 'zone' | 'place';
  kind: string;
  name: string;
  description: string | null;
  local_actors: string | null;
  geometry: string;
  created_by: string;
}

export async function insertPart(trx: Transaction<DB>, row: PartInsert) {
  const now = new Date();
  await trx
    .insertInto('housing_area_parts')
    .values({ ...row, created_at: now, updated_at: now })
    .execute();
}

export interface PartChange {
  kind?: string;
  zone_id?: string | null;
  name?: string;
  description?: string | null;
  local_actors?: string | null;
  geometry?: string;
  archived_at?: Date | null;
}

export async function updatePartAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  areaId: string,
  partId: string,
  version: number,
  change: PartChange,
): Promise<boolean> {
  const result = await trx
    .updateTable('housing_area_parts')
    .set({ ...change, updated_at: new Date(), version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .where('id', '=', partId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
