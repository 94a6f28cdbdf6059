import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The municipality's logo row (0027); none while it never had one. */
type Db = Kysely<DB>;

export interface LogoValues {
  image: Buffer | null;
  media_type: 'image/png' | 'image/jpeg' | null;
}

export async function findLogoRow(db: Db, municipalityCode: string) {
  return db
    .selectFrom('municipality_logos')
    .select(['image', 'media_type', 'version'])
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
}

/** Creates the row; false when another request created it first. */
export async function insertLogoRow(
  db: Db,
  municipalityCode: string,
  values: LogoValues,
): Promise<boolean> {
  const saved = await db
    .insertInto('municipality_logos')
    .values({ municipality_code: municipalityCode, ...values, updated_at: sql<Date>`now()` })
    .onConflict((oc) => oc.column('municipality_code').doNothing())
    .returning('version')
    .executeTakeFirst();
  return saved !== undefined;
}

/** Changes the row if it still has `version`; false when someone else saved meanwhile. */
export async function updateLogoRow(
  db: Db,
  municipalityCode: string,
  version: number,
  values: LogoValues,
): Promise<boolean> {
  const saved = await db
    .updateTable('municipality_logos')
    .set({ ...values, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('municipality_code', '=', municipalityCode)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return saved !== undefined;
}
