import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Retention's deletion of a case (server/modules/retention, docs/RETENTION.md), through the
 * cases module that owns the table: every table that refers to the case follows by
 * `on delete cascade` (or `set null` for a pointer, 0039). The caller has checked the period,
 * the archive's export and the legal hold, and writes the tombstone and the audit entry in the
 * same transaction. Returns the persons the case named, so the caller can delete those no
 * remaining record refers to.
 */
export async function deleteCaseForRetention(
  db: Kysely<DB>,
  municipalityCode: string,
  caseId: string,
): Promise<{ deleted: boolean; personIds: string[] }> {
  const persons = await db
    .selectFrom('case_persons')
    .select('person_id')
    .where('case_id', '=', caseId)
    .execute();
  const row = await db
    .deleteFrom('cases')
    .where('id', '=', caseId)
    .where('municipality_code', '=', municipalityCode)
    .returning('id')
    .executeTakeFirst();
  return { deleted: row !== undefined, personIds: persons.map((p) => p.person_id) };
}
