import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { requireMunicipalUser } from '../../access/municipal-user.ts';
import type { RequestContext } from '../../platform/context.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { auditAccessRequest, presentRequest, reviewersOf } from './present.ts';
import {
  advanceRequest,
  decideItem,
  itemsOfRequest,
  requestById,
  touchRequest,
  type ItemRow,
  type RequestRow,
} from './queries.ts';
import type { AccessRequest, ReviewItemBody } from './schema.ts';

type Trx = Transaction<DB>;

/** The request locked for the change, with its items; 404 outside the caller's municipality. */
async function inRequestTransaction<T>(
  ctx: RequestContext,
  id: string,
  work: (trx: Trx, row: RequestRow, items: ItemRow[], mc: string) => Promise<T>,
): Promise<T> {
  const mc = requireMunicipalUser(ctx.user);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requestById(trx, mc, id, true);
    if (!row) throw new AppError('not_found');
    const items = await itemsOfRequest(trx, mc, id);
    return work(trx, row, items, mc);
  });
}

async function reread(
  ctx: RequestContext,
  trx: Trx,
  mc: string,
  id: string,
  now: Date,
): Promise<AccessRequest> {
  const row = await requestById(trx, mc, id);
  if (!row) throw new AppError('not_found');
  const items = await itemsOfRequest(trx, mc, id);
  return presentRequest(ctx.user, row, items, danishToday(now));
}

/**
 * A caseworker's decision on one item: release it, withhold it or redact lines of it, the latter
 * two with a reason and an exemption (shared/access-requests.ts). Refused on its field with
 * nothing stored: a withhold or redaction without reason or exemption, a release with one, a
 * redaction without lines or with a line the item does not have. Only while the draft is in
 * review (409 `access_not_in_review` after approval); a stale item version is a 409.
 */
export async function reviewItem(
  ctx: RequestContext,
  id: string,
  itemId: string,
  body: ReviewItemBody,
  now = new Date(),
): Promise<AccessRequest> {
  return inRequestTransaction(ctx, id, async (trx, row, items, mc) => {
    const item = items.find((i) => i.id === itemId);
    if (!item) throw new AppError('not_found');
    if (row.status !== 'in_review') throw notInReview();
    requireVersion(item.version, body.version);

    const problems: FieldProblem[] = [];
    if (body.decision === 'release') {
      if (body.exemption) problems.push({ field: 'body.exemption', code: 'access_only_withheld' });
      if (body.reason) problems.push({ field: 'body.reason', code: 'access_only_withheld' });
      if (body.redactedLines.length > 0) {
        problems.push({ field: 'body.redactedLines', code: 'access_only_redacted' });
      }
    } else {
      if (!body.exemption)
        problems.push({ field: 'body.exemption', code: 'access_exemption_required' });
      if (!body.reason) problems.push({ field: 'body.reason', code: 'access_reason_required' });
      const lineCount = Array.isArray(item.lines) ? item.lines.length : 0;
      if (body.decision === 'redact') {
        if (body.redactedLines.length === 0) {
          problems.push({ field: 'body.redactedLines', code: 'access_lines_required' });
        } else if (body.redactedLines.some((n) => n >= lineCount)) {
          problems.push({ field: 'body.redactedLines', code: 'access_line_unknown' });
        }
      } else if (body.redactedLines.length > 0) {
        problems.push({ field: 'body.redactedLines', code: 'access_only_redacted' });
      }
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const updated = await decideItem(trx, mc, id, itemId, body.version, {
      decision: body.decision,
      exemption: body.decision === 'release' ? null : body.exemption,
      reason: body.decision === 'release' ? null : body.reason,
      redactedLines: [...new Set(body.redactedLines)].sort((a, b) => a - b),
      decidedBy: ctx.user.id,
    });
    if (!updated) throw staleVersion(item.version);
    await touchRequest(trx, mc, id);
    await auditAccessRequest(trx, ctx, mc, [
      {
        action: 'update',
        resourceId: id,
        personId: row.person_id,
        details: { item: item.position, decision: body.decision, exemption: body.exemption },
      },
    ]);
    return reread(ctx, trx, mc, id, now);
  });
}

/**
 * The second person's approval (four-eyes): every item decided, and the approver decided none of
 * them (400 `access_own_review` on the version, nothing stored). A stale version is a 409.
 */
export async function approveRequest(
  ctx: RequestContext,
  id: string,
  version: number,
  now = new Date(),
): Promise<AccessRequest> {
  return inRequestTransaction(ctx, id, async (trx, row, items, mc) => {
    if (row.status !== 'in_review') throw notInReview();
    requireVersion(row.version, version);
    if (items.some((i) => i.decision === 'pending')) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.version', code: 'access_items_undecided' }],
      });
    }
    if (reviewersOf(items).includes(ctx.user.id)) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.version', code: 'access_own_review' }],
      });
    }
    await advanceRequest(trx, mc, id, { status: 'approved', userId: ctx.user.id });
    await auditAccessRequest(trx, ctx, mc, [
      { action: 'update', resourceId: id, personId: row.person_id, details: { approved: true } },
    ]);
    return reread(ctx, trx, mc, id, now);
  });
}

export { inRequestTransaction, reread, type Trx };

/** A step of the review taken after the draft left review: 400 on the version, nothing stored. */
function notInReview(): AppError {
  return new AppError('validation_failed', {
    fields: [{ field: 'body.version', code: 'access_not_in_review' }],
  });
}
