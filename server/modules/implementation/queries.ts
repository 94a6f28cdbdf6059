import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of the implementation follow-up (0057). Every query matches the caller's municipality
 * (the tenant key); the tables hold no personal data about citizens: staff are named by their
 * display name where the checklist shows who is responsible or who changed an item.
 */
type Db = Kysely<DB> | Transaction<DB>;

const itemColumns = [
  'i.item_key',
  'i.status',
  'i.not_relevant_reason',
  'i.responsible_user_id',
  'r.display_name as responsible_name',
  'i.responsible_text',
  'i.evidence',
  'i.next_review_on',
  'i.updated_by',
  'u.display_name as updated_by_name',
  'i.updated_at',
  'i.version',
] as const;

function selectItems(db: Db, municipalityCode: string) {
  return db
    .selectFrom('implementation_items as i')
    .innerJoin('users as u', 'u.id', 'i.updated_by')
    .leftJoin('users as r', 'r.id', 'i.responsible_user_id')
    .select(itemColumns)
    .where('i.municipality_code', '=', municipalityCode);
}
export type ItemRow = Awaited<
  ReturnType<ReturnType<typeof selectItems>['executeTakeFirstOrThrow']>
>;

export async function itemRows(db: Db, municipalityCode: string): Promise<ItemRow[]> {
  return selectItems(db, municipalityCode).execute();
}

export async function itemRow(
  db: Db,
  municipalityCode: string,
  key: string,
): Promise<ItemRow | undefined> {
  return selectItems(db, municipalityCode).where('i.item_key', '=', key).executeTakeFirst();
}

/** Locks the item's row, if it has one, for the change that follows. */
export async function lockItem(trx: Transaction<DB>, municipalityCode: string, key: string) {
  return trx
    .selectFrom('implementation_items')
    .select(['version'])
    .where('municipality_code', '=', municipalityCode)
    .where('item_key', '=', key)
    .forUpdate()
    .executeTakeFirst();
}

export interface ItemFields {
  status: string;
  not_relevant_reason: string | null;
  responsible_user_id: string | null;
  responsible_text: string | null;
  evidence: string | null;
  next_review_on: string | null;
}

/** The item's first change: a new row (false when another request made it first). */
export async function insertItem(
  trx: Transaction<DB>,
  municipalityCode: string,
  key: string,
  userId: string,
  fields: ItemFields,
): Promise<boolean> {
  const rows = await trx
    .insertInto('implementation_items')
    .values({ municipality_code: municipalityCode, item_key: key, updated_by: userId, ...fields })
    .onConflict((oc) => oc.columns(['municipality_code', 'item_key']).doNothing())
    .returning('version')
    .execute();
  return rows.length === 1;
}

/** A later change, conditional on the version the client saw (false: stale). */
export async function updateItemAtVersion(
  trx: Transaction<DB>,
  municipalityCode: string,
  key: string,
  version: number,
  userId: string,
  fields: ItemFields,
): Promise<boolean> {
  const result = await trx
    .updateTable('implementation_items')
    .set((eb) => ({
      ...fields,
      updated_by: userId,
      updated_at: new Date(),
      version: eb('version', '+', 1),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('item_key', '=', key)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertItemChange(
  trx: Transaction<DB>,
  row: {
    id: string;
    municipality_code: string;
    item_key: string;
    changed_by: string;
    old_values: string | null;
    new_values: string;
  },
): Promise<void> {
  await trx.insertInto('implementation_item_changes').values(row).execute();
}

export async function itemChanges(db: Db, municipalityCode: string, key: string) {
  return db
    .selectFrom('implementation_item_changes as c')
    .innerJoin('users as u', 'u.id', 'c.changed_by')
    .select(['c.id', 'c.changed_at', 'c.changed_by', 'u.display_name', 'c.old_values'])
    .select('c.new_values')
    .where('c.municipality_code', '=', municipalityCode)
    .where('c.item_key', '=', key)
    .orderBy('c.changed_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

/** Active staff of the municipality (who may be named responsible), by name. */
export async function staffOf(db: Db, municipalityCode: string, ids?: string[]) {
  if (ids && ids.length === 0) return [];
  let query = db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('municipality_code', '=', municipalityCode)
    .where('disabled_at', 'is', null);
  if (ids) query = query.where('id', 'in', ids);
  return query.orderBy('display_name').orderBy('id').execute();
}

function selectReviews(db: Db, municipalityCode: string) {
  return db
    .selectFrom('implementation_reviews as v')
    .innerJoin('users as u', 'u.id', 'v.reviewed_by')
    .select([
      'v.id',
      'v.reviewed_on',
      'v.reviewed_by',
      'u.display_name',
      'v.conclusion',
      'v.next_review_on',
      'v.created_at',
    ])
    .where('v.municipality_code', '=', municipalityCode);
}
export type ReviewRow = Awaited<
  ReturnType<ReturnType<typeof selectReviews>['executeTakeFirstOrThrow']>
>;

/** The checklist's reviews, newest first (the first is the one that sets the next date). */
export async function reviewRows(db: Db, municipalityCode: string): Promise<ReviewRow[]> {
  return selectReviews(db, municipalityCode)
    .orderBy('v.created_at', 'desc')
    .orderBy('v.id', 'desc')
    .execute();
}

export async function reviewById(db: Db, municipalityCode: string, id: string) {
  return selectReviews(db, municipalityCode).where('v.id', '=', id).executeTakeFirst();
}

export async function reviewIdTaken(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectFrom('implementation_reviews')
    .select('id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertReview(
  trx: Transaction<DB>,
  row: {
    id: string;
    municipality_code: string;
    reviewed_on: string;
    reviewed_by: string;
    conclusion: string;
    next_review_on: string;
  },
): Promise<void> {
  await trx.insertInto('implementation_reviews').values(row).execute();
}

export async function profileRows(db: Db, municipalityCode: string) {
  return db
    .selectFrom('implementation_profiles as p')
    .innerJoin('users as u', 'u.id', 'p.saved_by')
    .select(['p.number', 'p.saved_at', 'p.saved_by', 'u.display_name'])
    .select('p.answers')
    .where('p.municipality_code', '=', municipalityCode)
    .orderBy('p.number', 'desc')
    .execute();
}

/** A new version numbered `number` (false when that number is taken: the client was stale). */
export async function insertProfile(
  trx: Transaction<DB>,
  row: { id: string; municipality_code: string; number: number; answers: string; saved_by: string },
): Promise<boolean> {
  const rows = await trx
    .insertInto('implementation_profiles')
    .values(row)
    .onConflict((oc) => oc.columns(['municipality_code', 'number']).doNothing())
    .returning('id')
    .execute();
  return rows.length === 1;
}

export async function latestProfileNumber(db: Db, municipalityCode: string): Promise<number> {
  const row = await db
    .selectFrom('implementation_profiles')
    .select((eb) => eb.fn.max('number').as('n'))
    .where('municipality_code', '=', municipalityCode)
    .executeTakeFirst();
  return row?.n ?? 0;
}

/** Items whose review date is today or earlier (tasks for the coordinators). */
export async function itemsDueForReview(db: Db, municipalityCode: string, today: string) {
  return db
    .selectFrom('implementation_items')
    .select(['item_key', 'next_review_on'])
    .where('municipality_code', '=', municipalityCode)
    .where('status', '<>', 'not_relevant')
    .where('next_review_on', '<=', today)
    .execute();
}

/** The latest review of the checklist (its next date decides when the next is due). */
export async function latestReview(db: Db, municipalityCode: string) {
  return db
    .selectFrom('implementation_reviews')
    .select(['id', 'next_review_on'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** Changes of checklist items and reviews in a period, for the statistics (issue 17). */
export async function countImplementationActivity(
  db: Db,
  municipalityCode: string,
  from: Date,
  to: Date,
): Promise<{ itemChanges: number; reviews: number }> {
  const changes = await db
    .selectFrom('implementation_item_changes')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_code', '=', municipalityCode)
    .where('changed_at', '>=', from)
    .where('changed_at', '<', to)
    .executeTakeFirst();
  const reviews = await db
    .selectFrom('implementation_reviews')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('municipality_code', '=', municipalityCode)
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .executeTakeFirst();
  return { itemChanges: Number(changes?.n ?? 0), reviews: Number(reviews?.n ?? 0) };
}
