import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  earlierCreate,
  lockCase,
  openedOn,
  recordCaseChange,
  requireOpenCase,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { insertFollowUp, updateFollowUpRow } from './queries.ts';
import {
  applyRecord,
  checkRecord,
  lockScheduledFollowUp,
  reject,
  type RecordValues,
} from './recording.ts';
import type { NewFollowUp } from './schema.ts';

/**
 * Scheduling a case's follow-ups one at a time (the plan's schedule is in schedule.ts): a new
 * follow-up, scheduled or held and recorded at once, and cancelling a scheduled one. Every change
 * appends its chronology event and audit entries in its transaction.
 */

/**
 * One more follow-up: scheduled (`dueOn`), or held and recorded at once (`heldOn` …, its due
 * date the day it was held). Full-scope members with a case role; not in a closed case. A retry
 * with the same client `id` returns the follow-up already made.
 */
export async function addFollowUp(
  ctx: RequestContext,
  access: CaseAccess,
  body: NewFollowUp,
  now = new Date(),
): Promise<{ id: string; version: number; created: boolean }> {
  requireCaseAbility(access, 'followUps', 'write');
  const recordKeys = ['heldOn', 'concernLevel', 'summary', 'goalProgress', 'competences'] as const;
  const problems: FieldProblem[] = [];
  if (body.dueOn !== undefined) {
    for (const key of recordKeys) {
      if (body[key] !== undefined) problems.push({ field: `body.${key}`, code: 'schedule_only' });
    }
  } else if (body.heldOn === undefined) {
    problems.push({ field: 'body.dueOn', code: 'required' });
  } else if (body.concernLevel === undefined) {
    problems.push({ field: 'body.concernLevel', code: 'required' });
  }
  reject(problems);
  const today = danishToday(now);

  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access);
    const earlier = await earlierCreate(trx, 'case_follow_ups', body.id, access.caseId, 'conflict');
    if (earlier) return earlier;
    requireOpenCase(locked);
    if (body.dueOn !== undefined) {
      if (body.dueOn < openedOn(locked)) {
        reject([{ field: 'body.dueOn', code: 'before_case_opened' }]);
      } else if (body.dueOn < today) {
        reject([{ field: 'body.dueOn', code: 'date_in_past' }]);
      }
      const row = await insertFollowUp(trx, access, {
        ...(body.id && { id: body.id }),
        due_on: body.dueOn,
      });
      await recordCaseChange(trx, ctx, access, {
        kind: 'follow_up_scheduled',
        changes: { dueOn: { from: null, to: body.dueOn } },
        action: 'create',
        resourceType: 'case_follow_up',
        resourceId: row.id,
      });
      return { id: row.id, version: row.version, created: true };
    }

    const values: RecordValues = {
      heldOn: body.heldOn ?? today,
      concernLevel: body.concernLevel ?? 'low',
      summary: body.summary,
      goalProgress: body.goalProgress ?? [],
      competences: body.competences,
      backdateReason: body.backdateReason,
      backdateNote: body.backdateNote,
    };
    reject(await checkRecord(trx, access, locked, values, today));
    const row = await insertFollowUp(trx, access, {
      ...(body.id && { id: body.id }),
      due_on: values.heldOn,
    });
    const version = await applyRecord(trx, ctx, access, locked, row.id, values);
    return { id: row.id, version, created: true };
  });
}

/** Cancels a scheduled follow-up. */
export async function cancelFollowUp(
  ctx: RequestContext,
  access: CaseAccess,
  followUpId: string,
  body: { version: number },
): Promise<{ id: string; version: number }> {
  requireCaseAbility(access, 'followUps', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const { current } = await lockScheduledFollowUp(trx, access, followUpId, body.version);
    const version = await updateFollowUpRow(trx, access, followUpId, { status: 'cancelled' });
    await recordCaseChange(trx, ctx, access, {
      kind: 'follow_up_scheduled',
      changes: { dueOn: { from: current.due_on, to: null } },
      action: 'update',
      resourceType: 'case_follow_up',
      resourceId: followUpId,
      details: { cancelled: true },
    });
    return { id: followUpId, version };
  });
}
