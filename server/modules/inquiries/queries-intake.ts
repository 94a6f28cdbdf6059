import type { Insertable, Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The intake's writes and reads: the inquiry row (idempotent by its author and key), its persons,
 * and the checks on persons it names. Persons and their relations are written by the persons
 * module (persons/queries-registry.ts).
 */
type Db = Kysely<DB>;

const RECEIPT_COLUMNS = ['id', 'reference', 'urgent', 'deadline_at', 'municipality_code'] as const;

/** The inquiry a user recorded with this idempotency key, as its receipt needs it. */
export async function findByIdempotencyKey(db: Db, userId: string, key: string) {
  return db
    .selectFrom('inquiries')
    .select(RECEIPT_COLUMNS)
    .where('created_by', '=', userId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
}
export type ReceiptRow = NonNullable<Awaited<ReturnType<typeof findByIdempotencyKey>>>;

/**
 * Inserts the inquiry; undefined when a concurrent retry with the same author and key won (this
 * transaction then adds nothing).
 */
export async function insertInquiry(
  db: Db,
  values: Insertable<DB['inquiries']>,
): Promise<ReceiptRow | undefined> {
  return db
    .insertInto('inquiries')
    .values(values)
    .onConflict((oc) => oc.columns(['created_by', 'idempotency_key']).doNothing())
    .returning(RECEIPT_COLUMNS)
    .executeTakeFirst();
}

/** Links the persons to the inquiry, in order (the first is the main person). */
export async function insertInquiryPersons(
  db: Db,
  inquiryId: string,
  personIds: string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await db
    .insertInto('inquiry_persons')
    .values(personIds.map((id, position) => ({ inquiry_id: inquiryId, person_id: id, position })))
    .execute();
}

/** Of `ids`, those registered, not merged away, in the municipality. */
export async function activePersonIds(
  db: Db,
  ids: string[],
  municipalityCode: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('persons')
    .select('id')
    .where('id', 'in', ids)
    .where('municipality_code', '=', municipalityCode)
    .where('merged_into', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** The birth date of a registered person of the municipality (null when unknown or not found). */
export async function birthDateOf(
  db: Db,
  personId: string,
  municipalityCode: string,
): Promise<string | null> {
  const row = await db
    .selectFrom('persons')
    .select('birth_date')
    .where('id', '=', personId)
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return row?.birth_date ?? null;
}
