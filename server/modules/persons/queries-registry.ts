import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PersonKey } from './queries.ts';

/**
 * The persons module's writes for other modules: what an inquiry's intake and decision change in
 * the register (persons and their relations). Each runs in the caller's transaction, so the
 * change is stored with what caused it or not at all. Registering a new person is
 * `insertPerson` (service.ts), which stores its row with the two below. Each matches the persons'
 * municipality (the tenant key) next to their ids.
 */
type Db = Kysely<DB>;

/** A new person's row (without the CPR number's ciphertext, which needs the id); its id. */
export async function insertPersonRow(
  trx: Transaction<DB>,
  values: {
    municipality_code: string;
    given_name: string;
    family_name: string;
    birth_date: string | null;
    address: string | null;
    phone: string | null;
    cpr_digest: string | null;
    created_by: string;
    /** A client-generated id (an idempotent create); taken already → undefined, nothing stored. */
    id?: string;
  },
): Promise<{ id: string } | undefined> {
  return trx
    .insertInto('persons')
    .values(values)
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Stores the person's encrypted CPR number. */
export async function setPersonCpr(
  trx: Transaction<DB>,
  key: PersonKey,
  cprEnc: string,
): Promise<void> {
  await trx
    .updateTable('persons')
    .set({ cpr_enc: cprEnc })
    .where('id', '=', key.personId)
    .where('municipality_code', '=', key.municipalityCode)
    .execute();
}

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
