import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The legal provisions of a municipality (db/migrations/0024), by key. */
type Db = Kysely<DB>;

export async function findProvisionRows(db: Db, municipalityCode: string) {
  return db
    .selectFrom('legal_provisions')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .orderBy('key')
    .execute();
}

export interface ProvisionValues {
  name_da: string;
  name_en: string;
  law: string;
  section: string;
  valid_from: string;
  valid_to: string | null;
  deadline_hours: number | null;
  deadline_workdays: number | null;
  confirmed: boolean;
}

/** The first save of a provision still on its default (version 0); false when one raced. */
export async function insertProvisionRow(
  db: Db,
  municipalityCode: string,
  key: string,
  values: ProvisionValues,
): Promise<boolean> {
  const row = await db
    .insertInto('legal_provisions')
    .values({ municipality_code: municipalityCode, key, ...values })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Saves a provision if its version is still `version`; false when it is not (stale). */
export async function updateProvisionRow(
  db: Db,
  municipalityCode: string,
  key: string,
  version: number,
  values: ProvisionValues,
): Promise<boolean> {
  const row = await db
    .updateTable('legal_provisions')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('municipality_code', '=', municipalityCode)
    .where('key', '=', key)
    .where('version', '=', version)
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}
