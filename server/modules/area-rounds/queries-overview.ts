import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The SQL of the area overview (area_round_overviews, 0054): one versioned overview per round. */
type Db = Kysely<DB> | Transaction<DB>;

export async function overviewOf(db: Db, municipalityCode: string, roundId: string) {
  return db
    .selectFrom('area_round_overviews')
    .select(['round_id', 'items', 'updated_at', 'version'])
    .where('municipality_code', '=', municipalityCode)
    .where('round_id', '=', roundId)
    .executeTakeFirst();
}

/** The overview of the area's last systematised round before round `number`, if any. */
export async function previousOverview(
  db: Db,
  municipalityCode: string,
  areaId: string,
  number: number,
) {
  return db
    .selectFrom('area_round_overviews as o')
    .innerJoin('area_rounds as r', 'r.id', 'o.round_id')
    .select(['r.number', 'o.items'])
    .where('o.municipality_code', '=', municipalityCode)
    .where('r.area_id', '=', areaId)
    .where('r.number', '<', number)
    .orderBy('r.number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function insertOverview(
  trx: Transaction<DB>,
  values: { round_id: string; municipality_code: string; items: string; created_by: string },
) {
  const now = new Date();
  await trx
    .insertInto('area_round_overviews')
    .values({ ...values, updated_by: values.created_by, created_at: now, updated_at: now })
    .execute();
}

export async function updateOverviewAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  roundId: string,
  version: number,
  values: { items: string; updated_by: string },
): Promise<boolean> {
  const result = await trx
    .updateTable('area_round_overviews')
    .set({ ...values, updated_at: new Date(), version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('round_id', '=', roundId)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
