import { sql, type Kysely, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The municipality's inquiry settings row (none while the municipality has the defaults). */
type Db = Kysely<DB>;
type SettingsValues = Omit<
  Updateable<DB['municipality_settings']>,
  'municipality_code' | 'version' | 'updated_at'
>;

/** The row, with the name of the one who changed it last. */
export async function findSettingsRow(db: Db, municipalityCode: string) {
  return db
    .selectFrom('municipality_settings as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .selectAll('s')
    .select('u.display_name as updated_by_name')
    .where('s.municipality_code', '=', municipalityCode)
    .executeTakeFirst();
}

/** Creates the row; false when another request created it first. */
export async function insertSettingsRow(
  db: Db,
  municipalityCode: string,
  values: SettingsValues,
): Promise<boolean> {
  const saved = await db
    .insertInto('municipality_settings')
    .values({ municipality_code: municipalityCode, ...values, updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('municipality_code').doNothing())
    .returning('version')
    .executeTakeFirst();
  return saved !== undefined;
}

/** Changes the row if it still has `version`; false when someone else saved meanwhile. */
export async function updateSettingsRow(
  db: Db,
  municipalityCode: string,
  version: number,
  values: SettingsValues,
): Promise<boolean> {
  const saved = await db
    .updateTable('municipality_settings')
    .set({ ...values, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return saved !== undefined;
}
