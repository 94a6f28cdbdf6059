import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The persons module's writes for other modules: what an inquiry's intake and decision change in
 * the register (persons and their relations). Each runs in the caller's transaction, so the
 * change is stored with what caused it or not at all. Registering a new person is
 * `insertPerson` (service.ts). Each matches the persons' municipality (the tenant key) next to
 * their ids.
 */
type Db = Kysely<DB>;

/** A person needed again (named in a new or reopened inquiry) is not archived. */
export async function keepFromArchive(
  db: Db,
  municipalityCode: string,
  personIds: readonly string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .updateTable('persons')
    .set({ archive_after: null })
    .where('id', 'in', [...personIds])
    .where('municipality_code', '=', municipalityCode)
    .execute();
}

/** Persons no longer needed are archived and deleted after the retention period. */
export async function scheduleArchive(
  db: Db,
  municipalityCode: string,
  personIds: readonly string[],
  retentionDays: number,
): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .updateTable('persons')
    .set({ archive_after: sql<Date>`now() + make_interval(days => ${retentionDays})` })
    .where('id', 'in', [...personIds])
    .where('municipality_code', '=', municipalityCode)
    .execute();
}

/** Records relations between persons; one already recorded between the two is kept as it is. */
export async function addRelationsIfAbsent(
  db: Db,
  relations: readonly { person_id: string; related_person_id: string; relation: string }[],
): Promise<void> {
  if (relations.length === 0) return;
  await db
    .insertInto('person_relations')
    .values([...relations])
    .onConflict((oc) => oc.columns(['person_id', 'related_person_id']).doNothing())
    .execute();
}
