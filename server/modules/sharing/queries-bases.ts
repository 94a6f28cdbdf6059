import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { BasisValues } from './defaults.ts';

/** The legal bases for sharing of one municipality (db/migrations/0034), by key. */
type Db = Kysely<DB>;

export async function findBasisRows(db: Db, municipalityCode: string) {
  return db
    .selectFrom('legal_bases')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .orderBy('key')
    .execute();
}

/** The first save of a basis still on its default (version 0); false when one raced. */
export async function insertBasisRow(
  db: Db,
  municipalityCode: string,
  key: string,
  values: BasisValues,
): Promise<boolean> {
  const row = await db
    .insertInto('legal_bases')
    .values({ municipality_code: municipalityCode, key, ...values })
    .onConflict((oc) => oc.doNothing())
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

/** Saves a basis if its version is still `version`; false when it is not (stale). */
export async function updateBasisRow(
  db: Db,
  municipalityCode: string,
  key: string,
  version: number,
  values: BasisValues,
): Promise<boolean> {
  const row = await db
    .updateTable('legal_bases')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('municipality_code', '=', municipalityCode)
    .where('key', '=', key)
    .where('version', '=', version)
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}
