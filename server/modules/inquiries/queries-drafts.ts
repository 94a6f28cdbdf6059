import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Intake drafts in the database: every query names the author, so another user's draft id is,
 * for anyone else, exactly an id they have not used (see drafts.ts).
 */
type Db = Kysely<DB>;

const DRAFT_COLUMNS = ['id', 'content_enc', 'updated_at', 'version'] as const;

export async function listDraftRows(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('inquiry_drafts')
    .select(DRAFT_COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(limit)
    .execute();
}
export type DraftRow = Awaited<ReturnType<typeof listDraftRows>>[number];

/** The draft's version, locked for the rest of the transaction; undefined when it is new. */
export async function lockDraftVersion(
  db: Db,
  userId: string,
  id: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('inquiry_drafts')
    .select('version')
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row?.version;
}

export async function countDrafts(db: Db, userId: string): Promise<number> {
  const count = await db
    .selectFrom('inquiry_drafts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return Number(count.n);
}

export async function updateDraftRow(
  db: Db,
  userId: string,
  id: string,
  contentEnc: string,
): Promise<DraftRow> {
  return db
    .updateTable('inquiry_drafts')
    .set({
      content_enc: contentEnc,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .returning(DRAFT_COLUMNS)
    .executeTakeFirstOrThrow();
}

export async function insertDraftRow(
  db: Db,
  userId: string,
  id: string,
  contentEnc: string,
): Promise<DraftRow> {
  return db
    .insertInto('inquiry_drafts')
    .values({ id, user_id: userId, content_enc: contentEnc })
    .returning(DRAFT_COLUMNS)
    .executeTakeFirstOrThrow();
}

/** Deletes the user's draft; false when they have none with this id. */
export async function deleteDraftRow(db: Db, userId: string, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom('inquiry_drafts')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
