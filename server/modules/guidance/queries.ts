import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The guidance module's SQL: every read and write of guidance_overrides (keyed by municipality). */

export async function overridesOf(db: Kysely<DB>, municipalityCode: string) {
  return db
    .selectFrom('guidance_overrides')
    .select(['key', 'text_da', 'text_en', 'updated_at', 'version'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('key')
    .execute();
}

export async function lockOverride(trx: Transaction<DB>, municipalityCode: string, key: string) {
  return trx
    .selectFrom('guidance_overrides')
    .select(['version'])
    .where('municipality_code', '=', municipalityCode)
    .where('key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertOverride(
  trx: Transaction<DB>,
  values: {
    municipalityCode: string;
    key: string;
    textDa: string;
    textEn: string | null;
    userId: string;
  },
): Promise<void> {
  await trx
    .insertInto('guidance_overrides')
    .values({
      municipality_code: values.municipalityCode,
      key: values.key,
      text_da: values.textDa,
      text_en: values.textEn,
      updated_by: values.userId,
      updated_at: new Date(),
    })
    .execute();
}

export async function updateOverride(
  trx: Transaction<DB>,
  values: {
    municipalityCode: string;
    key: string;
    textDa: string;
    textEn: string | null;
    userId: string;
    version: number;
  },
): Promise<boolean> {
  const row = await trx
    .updateTable('guidance_overrides')
    .set((eb) => ({
      text_da: values.textDa,
      text_en: values.textEn,
      updated_by: values.userId,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('municipality_code', '=', values.municipalityCode)
    .where('key', '=', values.key)
    .where('version', '=', values.version)
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteOverride(
  trx: Transaction<DB>,
  municipalityCode: string,
  key: string,
  version: number,
): Promise<boolean> {
  const row = await trx
    .deleteFrom('guidance_overrides')
    .where('municipality_code', '=', municipalityCode)
    .where('key', '=', key)
    .where('version', '=', version)
    .returning('key')
    .executeTakeFirst();
  return row !== undefined;
}
