import { decryptField, encryptField } from '../../platform/crypto.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, requireVersion } from '../../platform/errors.ts';
import * as rows from './queries-drafts.ts';

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

function toDraft(key: Buffer, userId: string, row: rows.DraftRow): Draft {
  const parsed: unknown = JSON.parse(decryptField(key, row.content_enc, context(row.id, userId)));
  return {
    id: row.id,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    content:
      typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {},
  };
}

export async function listDrafts(ctx: RequestContext): Promise<Draft[]> {
  const found = await rows.listDraftRows(ctx.db, ctx.user.id, MAX_DRAFTS);
  return found.map((r) => toDraft(ctx.keys.secret, ctx.user.id, r));
}

/** Creates (version 0) or replaces a draft with optimistic locking. */
export async function saveDraft(
  ctx: RequestContext,
  id: string,
  body: { version: number; content: Record<string, unknown> },
): Promise<Draft> {
  const userId = ctx.user.id;
  const json = JSON.stringify(body.content);
  if (Buffer.byteLength(json) > MAX_BYTES) {
    throw new AppError('payload_too_large', { params: { limit: MAX_BYTES } });
  }
  const contentEnc = encryptField(ctx.keys.secret, json, context(id, userId));
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await rows.lockDraftVersion(trx, userId, id);
    requireVersion(existing ?? 0, body.version);
    if (existing === undefined && (await rows.countDrafts(trx, userId)) >= MAX_DRAFTS) {
      throw new AppError('too_many_drafts', { params: { max: MAX_DRAFTS } });
    }
    const row =
      existing !== undefined
        ? await rows.updateDraftRow(trx, userId, id, contentEnc)
        : await rows.insertDraftRow(trx, userId, id, contentEnc);
    return toDraft(ctx.keys.secret, userId, row);
  });
}

export async function deleteDraft(ctx: RequestContext, id: string): Promise<void> {
  if (!(await rows.deleteDraftRow(ctx.db, ctx.user.id, id))) throw new AppError('not_found');
}
