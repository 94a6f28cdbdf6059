import type { z } from 'zod';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { applyResumeChoices } from '../case-interventions/resuming.ts';
import { addCaseEvent, auditCasePersons, danishToday, type Changes } from './chronology.ts';
import { lockCaseStatus, saveCaseStatus } from './queries-case-edits.ts';
import type { StatusBody } from './schema.ts';

/**
 * Sets a case on hold (with a reason and an optional date, not in the past) or resumes it (with a
 * reason, and a choice for each intervention that waits: resume it or leave it as it is). Only
 * the case's coordinators; optimistic locking on the case's version (409 with the current one).
 * The reason for resuming is kept in the chronology event, as the reason for the hold is kept on
 * the case while it lasts. Closing (with its outcome) and re-review come with their own issue.
 */
export async function setStatus(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof StatusBody>,
  now = new Date(),
): Promise<number> {
  requireCaseAbility(access, 'case', 'write');
  const problems: FieldProblem[] = [];
  if (body.reason === undefined) {
    problems.push({
      field: 'body.reason',
      code: body.status === 'on_hold' ? 'required' : 'resume_reason_required',
    });
  }
  if (body.status === 'on_hold') {
    if (body.until !== undefined && body.until < danishToday(now)) {
      problems.push({ field: 'body.until', code: 'date_in_past' });
    }
    if (body.interventions !== undefined) {
      problems.push({ field: 'body.interventions', code: 'only_when_resuming' });
    }
  } else if (body.until !== undefined) {
    problems.push({ field: 'body.until', code: 'not_allowed' });
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockCaseStatus(trx, access);
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) {
      throw new AppError('conflict', { meta: { currentVersion: current.version } });
    }
    const allowed =
      (current.status === 'active' && body.status === 'on_hold') ||
      (current.status === 'on_hold' && (body.status === 'active' || body.status === 'on_hold'));
    if (!allowed) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.status', code: 'transition_not_allowed' }],
      });
    }
    const resuming = current.status === 'on_hold' && body.status === 'active';
    const next = {
      status: body.status,
      on_hold_reason: body.status === 'on_hold' ? (body.reason ?? null) : null,
      on_hold_until: body.status === 'on_hold' ? (body.until ?? null) : null,
    };
    const version = await saveCaseStatus(trx, access, body.version, next);
    if (version === undefined)
      throw new AppError('conflict', { meta: { currentVersion: current.version } });

    const changes: Changes = {};
    const before = {
      status: current.status,
      on_hold_reason: current.on_hold_reason,
      on_hold_until: current.on_hold_until,
    };
    const names = { status: 'status', on_hold_reason: 'reason', on_hold_until: 'until' } as const;
    for (const key of Object.keys(names) as (keyof typeof names)[]) {
      if (before[key] !== next[key]) changes[names[key]] = { from: before[key], to: next[key] };
    }
    if (resuming) changes.resumeReason = { from: null, to: body.reason ?? null };
    const eventId = await addCaseEvent(trx, access.caseId, ctx.user.id, 'status_changed', changes);
    await auditCasePersons(trx, ctx, access, {
      action: 'update',
      // Field names and statuses only: the reason is free text and stays in the case.
      details: {
        change: 'status',
        from: current.status,
        to: body.status,
        fields: Object.keys(changes).join(','),
        eventId,
      },
    });
    // Each intervention that waited: resumed (or started) or left as it is, in the same
    // transaction, each change with its own event (the case-interventions module owns them).
    if (resuming) {
      await applyResumeChoices(trx, ctx, access, body.interventions ?? [], danishToday(now));
    }
    return version;
  });
}
