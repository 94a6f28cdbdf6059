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

/**
 * Saves the logo if the row still has `version` (0: there is no row yet) in one statement: the
 * insert of the first logo, else the update of the row of that version; false when someone else
 * saved meanwhile.
 */
export async function saveLogoRow(
  db: Db,
  municipalityCode: string,
  version: number,
  values: LogoValues,
): Promise<boolean> {
  const saved = await db
    .insertInto('municipality_logos')
    .values({ municipality_code: municipalityCode, ...values, updated_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc
        .column('municipality_code')
        .doUpdateSet({
          ...values,
          updated_at: sql<Date>`now()`,
          version: sql<number>`municipality_logos.version + 1`,
        })
        .where('municipality_logos.version', '=', version),
    )
    .returning('version')
    .executeTakeFirst();
  return saved !== undefined;
}
