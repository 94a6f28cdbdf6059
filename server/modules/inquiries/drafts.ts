import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { decryptField, encryptField } from '../../platform/crypto.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * Intake drafts: the form's state saved on the server while the user types, so closing the
 * browser loses nothing and a shared PC keeps no personal data. Encrypted at rest, visible to
 * their author only, deleted when the inquiry is submitted. A draft is keyed by its author and
 * its id (db/migrations/0012): every query names the user, so another user's draft id is, for
 * anyone else, exactly an id they have not used (same status, same body, the other draft
 * untouched). Reading, saving and deleting one's own drafts is not audited (docs/SECURITY.md).
 */
const MAX_DRAFTS = 20;
const MAX_BYTES = 64 * 1024;

const context = (id: string, userId: string) => `inquiry-draft:${id}:${userId}`;

export interface Draft {
  id: string;
  updatedAt: string;
  version: number;
  content: Record<string, unknown>;
}

function toDraft(
  key: Buffer,
  userId: string,
  row: { id: string; content_enc: string; updated_at: Date; version: number },
): Draft {
  const parsed: unknown = JSON.parse(decryptField(key, row.content_enc, context(row.id, userId)));
  return {
    id: row.id,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    content:
      typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
  };
}

export async function listDrafts(db: Kysely<DB>, key: Buffer, userId: string): Promise<Draft[]> {
  const rows = await db
    .selectFrom('inquiry_drafts')
    .select(['id', 'content_enc', 'updated_at', 'version'])
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(MAX_DRAFTS)
    .execute();
  return rows.map((r) => toDraft(key, userId, r));
}

/** Creates (version 0) or replaces a draft with optimistic locking. */
export async function saveDraft(
  db: Kysely<DB>,
  key: Buffer,
  userId: string,
  id: string,
  body: { version: number; content: Record<string, unknown> },
): Promise<Draft> {
  const json = JSON.stringify(body.content);
  if (Buffer.byteLength(json) > MAX_BYTES) {
    throw new AppError('payload_too_large', { params: { limit: MAX_BYTES } });
  }
  const content_enc = encryptField(key, json, context(id, userId));
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('inquiry_drafts')
      .select('version')
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if ((existing?.version ?? 0) !== body.version) {
      throw new AppError('conflict', { meta: { currentVersion: existing?.version ?? 0 } });
    }
    if (!existing) {
      const count = await trx
        .selectFrom('inquiry_drafts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .executeTakeFirstOrThrow();
      if (Number(count.n) >= MAX_DRAFTS)
        throw new AppError('too_many_drafts', { params: { max: MAX_DRAFTS } });
    }
    const row = existing
      ? await trx
          .updateTable('inquiry_drafts')
          .set({ content_enc, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .returning(['id', 'content_enc', 'updated_at', 'version'])
          .executeTakeFirstOrThrow()
      : await trx
          .insertInto('inquiry_drafts')
          .values({ id, user_id: userId, content_enc })
          .returning(['id', 'content_enc', 'updated_at', 'version'])
          .executeTakeFirstOrThrow();
    return toDraft(key, userId, row);
  });
}

export async function deleteDraft(db: Kysely<DB>, userId: string, id: string): Promise<void> {
  const result = await db
    .deleteFrom('inquiry_drafts')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new AppError('not_found');
}
