import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The retention periods of one municipality (db/migrations/0039), by kind. */
type Db = Kysely<DB>;

export interface PeriodValues {
  months: number;
  minimum_months: number;
  confirmed: boolean;
}

export async function findPeriodRows(db: Db, municipalityCode: string) {
  return db
    .selectFrom('retention_periods')
    .select(['kind', 'months', 'minimum_months', 'confirmed', 'version'])
    .where('municipality_code', '=', municipalityCode)
    .execute();
}

/** The first save of a period still on its default (version 0); false when one raced. */
export async function insertPeriodRow(
  db: Db,
  municipalityCode: string,
  kind: string,
  userId: string | null,
  values: PeriodValues,
): Promise<boolean> {
  const row = await db
    .insertInto('retention_periods')
    .values({ municipality_code: municipalityCode, kind, updated_by: userId, ...values })
    .onConflict((oc) => oc.doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

/** Saves a period if its version is still `version`; false when it is not (stale). */
export async function updatePeriodRow(
  db: Db,
  municipalityCode: string,
  kind: string,
  version: number,
  userId: string,
  values: PeriodValues,
): Promise<boolean> {
  const row = await db
    .updateTable('retention_periods')
    .set((eb) => ({
      ...values,
      updated_by: userId,
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('kind', '=', kind)
    .where('version', '=', version)
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}
