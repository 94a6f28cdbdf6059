import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import { managerAuditEvent } from '../../platform/audit/manager-event.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import * as queries from './queries.ts';
import {
  changedFields,
  definitionOf,
  implementationAbilities,
  ownMunicipality,
  toItem,
  toItems,
  toReview,
  valuesOf,
} from './present.ts';
import type { Checklist, ImplementationItem, ItemChange, UpdateItem } from './schema.ts';

/**
 * The checklist of the implementation follow-up (issue 16 part 6): read by coordinators,
 * municipal administrators and leaders (`implementation.read`), changed by coordinators
 * (`implementation.edit`). Each change of an item is stored with its history (old → new) and its
 * audit entry in one transaction, with optimistic locking on the item's version. The texts are
 * about the municipality's organisation, not citizens: reads are not audited as personal data.
 */

export async function readChecklist(ctx: RequestContext, now = new Date()): Promise<Checklist> {
  const code = ownMunicipality(ctx.user);
  const today = danishToday(now);
  const [rows, reviews] = await Promise.all([
    queries.itemRows(ctx.db, code),
    queries.reviewRows(ctx.db, code),
  ]);
  const nextReviewOn = reviews[0]?.next_review_on ?? null;
  return {
    items: toItems(rows, today),
    reviews: reviews.map(toReview),
    nextReviewOn,
    reviewDue: nextReviewOn !== null && nextReviewOn <= today,
    abilities: implementationAbilities(ctx.user),
  };
}

const cprProblem = (field: string, value: string | null): FieldProblem[] =>
  value !== null && personalReferenceIn(value) !== null
    ? [{ field, code: 'implementation_personal_reference' }]
    : [];

/** Bad input refused with a field problem each, before anything is stored. */
async function problemsOf(
  trx: Transaction<DB>,
  code: string,
  body: UpdateItem,
  today: string,
): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (body.status === 'not_relevant' && body.notRelevantReason === null) {
    problems.push({ field: 'body.notRelevantReason', code: 'implementation_reason_required' });
  }
  if (body.nextReviewOn !== null && body.nextReviewOn < today) {
    problems.push({ field: 'body.nextReviewOn', code: 'implementation_date_past' });
  }
  if (body.responsibleUserId !== null) {
    const staff = await queries.staffOf(trx, code, [body.responsibleUserId]);
    if (staff.length === 0) {
      problems.push({ field: 'body.responsibleUserId', code: 'implementation_not_staff' });
    }
  }
  problems.push(
    ...cprProblem('body.notRelevantReason', body.notRelevantReason),
    ...cprProblem('body.responsibleText', body.responsibleText),
    ...cprProblem('body.evidence', body.evidence),
  );
  return problems;
}

export async function updateItem(
  ctx: RequestContext,
  key: string,
  body: UpdateItem,
  now = new Date(),
): Promise<ImplementationItem> {
  const code = ownMunicipality(ctx.user);
  const definition = definitionOf(key);
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const problems = await problemsOf(trx, code, body, today);
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
    const locked = await queries.lockItem(trx, code, key);
    const stored = locked?.version ?? 0;
    if (stored !== body.version) throw staleVersion(stored);
    const before = toItem(definition, await queries.itemRow(trx, code, key), today);
    const fields: queries.ItemFields = {
      status: body.status,
      // A reason belongs to "not relevant" only.
      not_relevant_reason: body.status === 'not_relevant' ? body.notRelevantReason : null,
      responsible_user_id: body.responsibleUserId,
      responsible_text: body.responsibleText,
      evidence: body.evidence,
      next_review_on: body.nextReviewOn,
    };
    const saved =
      stored === 0
        ? await queries.insertItem(trx, code, key, ctx.user.id, fields)
        : await queries.updateItemAtVersion(trx, code, key, stored, ctx.user.id, fields);
    if (!saved) throw staleVersion(stored === 0 ? 1 : stored + 1);
    const after = toItem(definition, await queries.itemRow(trx, code, key), today);
    const changeId = randomUUID();
    await queries.insertItemChange(trx, {
      id: changeId,
      municipality_code: code,
      item_key: key,
      changed_by: ctx.user.id,
      old_values: stored === 0 ? null : JSON.stringify(valuesOf(before)),
      new_values: JSON.stringify(valuesOf(after)),
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      managerAuditEvent(ctx, code, 'implementation_item', {
        action: stored === 0 ? 'create' : 'update',
        resourceId: changeId,
        details: { item: key, status: body.status, version: after.version },
      }),
    );
    return after;
  });
}

export async function itemHistory(ctx: RequestContext, key: string): Promise<ItemChange[]> {
  const code = ownMunicipality(ctx.user);
  definitionOf(key);
  const rows = await queries.itemChanges(ctx.db, code, key);
  return rows.map((r) => {
    const old = r.old_values as ItemChange['old'];
    const next = r.new_values as ItemChange['new'];
    return {
      id: r.id,
      changedAt: new Date(r.changed_at).toISOString(),
      changedBy: { id: r.changed_by, name: r.display_name },
      old,
      new: next,
      fields: changedFields(old, next),
    };
  });
}

/** Staff who may be named responsible for an item: the municipality's active users. */
export async function responsibleCandidates(ctx: RequestContext) {
  const rows = await queries.staffOf(ctx.db, ownMunicipality(ctx.user));
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}
