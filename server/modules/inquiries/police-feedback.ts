import type { Kysely } from 'kysely';
import { PoliceFeedbackKindSchema } from '../../../shared/police-feedback.ts';
import {
  mayMarkPoliceFeedbackRead,
  requireMarkPoliceFeedbackRead,
} from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { requireHandedInquiry } from '../../access/police-feedback-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { inquiryEvent } from './change.ts';
import { inquiryPersonIds, insertHistory } from './queries.ts';
import * as q from './queries-police-feedback.ts';
import { auditRead } from './read.ts';
import type {
  HandedInquiryItem,
  InquiryPoliceFeedback,
  SendPoliceFeedback,
} from './schema-police-feedback.ts';

/**
 * The police's feedback on an inquiry handed to them (issue 14 part 8). A police contact of the
 * district sees the inquiries handed to the police there — reference, date handed, municipality,
 * and the feedback already sent; never the observation or the persons, so the list reads no
 * personal data and is not audited (like the task list) — and sends what the municipality may
 * know. The feedback lands in the inquiry's chronology and is a task for the municipality's
 * coordinators until one of them marks it read.
 */

/** The most inquiries the police's list shows (newest handed first). */
export const HANDED_LIST_LIMIT = 200;

export async function listHandedInquiries({
  db,
  user,
}: RequestContext): Promise<HandedInquiryItem[]> {
  const rows = await q.listHandedInquiries(db, user, HANDED_LIST_LIMIT);
  const feedback = await q.feedbackOfInquiries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    inquiryId: r.id,
    reference: r.reference,
    handedAt: (r.police_handed_at ?? new Date(0)).toISOString(),
    municipality: { code: r.municipality_code, name: r.municipality_name },
    feedback: feedback
      .filter((f) => f.inquiry_id === r.id)
      .map((f) => ({
        id: f.id,
        kind: PoliceFeedbackKindSchema.parse(f.kind),
        note: f.note,
        sentAt: f.sent_at.toISOString(),
      })),
  }));
}

/**
 * Sends feedback on an inquiry handed to the police of the caller's district (404 for any other,
 * the same answer as a missing one). 'other' needs a text. The same id sent again changes
 * nothing (created false); an id used for another inquiry is a 409.
 */
export async function sendFeedback(
  ctx: RequestContext,
  inquiryId: string,
  body: SendPoliceFeedback,
): Promise<{ created: boolean }> {
  const handed = await requireHandedInquiry(ctx.db, ctx.user, inquiryId);
  if (body.kind === 'other' && body.note === null) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.note', code: 'police_feedback_note_required' }],
    });
  }
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await q.findFeedback(trx, body.id);
    if (existing) {
      if (existing.inquiry_id !== inquiryId || existing.sent_by !== ctx.user.id) {
        throw new AppError('duplicate');
      }
      return { created: false };
    }
    const created = await q.insertFeedback(trx, {
      id: body.id,
      inquiryId,
      municipalityCode: handed.municipalityCode,
      kind: body.kind,
      note: body.note,
      sentBy: ctx.user.id,
    });
    if (!created) throw new AppError('duplicate');
    await insertHistory(trx, inquiryId, ctx.user.id, 'police_feedback_received', {
      feedbackId: body.id,
      kind: body.kind,
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      inquiryEvent(ctx, handed.municipalityCode, {
        action: 'update',
        resourceId: inquiryId,
        subjectPersonId: null,
        details: { policeFeedback: body.kind, feedbackId: body.id },
      }),
    );
    return { created: true };
  });
}

function present(
  row: Awaited<ReturnType<typeof q.inquiryFeedback>>[number],
): InquiryPoliceFeedback {
  return {
    id: row.id,
    kind: PoliceFeedbackKindSchema.parse(row.kind),
    note: row.note,
    sentAt: row.sent_at.toISOString(),
    sentBy: row.sent_by_name,
    readAt: row.read_at?.toISOString() ?? null,
    readBy: row.read_by_name ?? null,
    version: row.version,
  };
}

/** The inquiry's feedback as its page shows it: read and audited in one transaction. */
export async function readInquiryFeedback(ctx: RequestContext, access: InquiryAccess) {
  return ctx.db.transaction().execute(async (trx) => {
    const items = (await q.inquiryFeedback(trx, access)).map(present);
    await auditRead(trx, ctx, access, await inquiryPersonIds(trx, access), {
      part: 'police_feedback',
    });
    return { items, mayMarkRead: mayMarkPoliceFeedbackRead(access) };
  });
}

/**
 * A coordinator of the inquiry's municipality marks feedback read: the task ends, and the
 * chronology says who read it. Optimistic locking; feedback already read is a 409 too.
 */
export async function markRead(
  ctx: RequestContext,
  access: InquiryAccess,
  feedbackId: string,
  version: number,
): Promise<void> {
  requireMarkPoliceFeedbackRead(access);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await q.markFeedbackRead(trx, access, feedbackId, version, ctx.user.id);
    if (!done) {
      const now = await q.feedbackState(trx, access, feedbackId);
      if (!now) throw new AppError('not_found');
      throw staleVersion(now.version);
    }
    await insertHistory(trx, access.inquiryId, ctx.user.id, 'police_feedback_read', { feedbackId });
    await writeAudit(
      trx,
      ctx.keys.audit,
      inquiryEvent(ctx, access.municipalityCode, {
        action: 'update',
        resourceId: access.inquiryId,
        subjectPersonId: null,
        details: { policeFeedbackRead: feedbackId },
      }),
    );
  });
}

/** The unread feedback a coordinator has as tasks (references only; tasks module). */
export async function unreadPoliceFeedback(db: Kysely<DB>, user: CurrentUser) {
  return (await q.unreadFeedbackFor(db, user)).map((r) => ({
    id: r.id,
    sentAt: r.sent_at,
    inquiryId: r.inquiry_id,
    inquiryReference: r.reference,
  }));
}
