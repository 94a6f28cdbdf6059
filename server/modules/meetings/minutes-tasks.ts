import type { RequestContext } from '../../platform/context.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { mayWriteMinutes, meetingAccess } from '../../access/meeting-access.ts';
import { userFromRow, userMaySeeRecord } from '../../access/minutes-access.ts';
import { recordCaseChange } from '../cases/case-work.ts';
import { auditMinutesChange } from './minutes-audit.ts';
import {
  activeUser,
  insertTask,
  markTaskDone,
  taskInArea,
  taskMeetingOf,
} from './queries-minutes-tasks.ts';
import { textProblems } from './minutes-rules.ts';
import { inDraft, latestMinutes, visibleItem } from './minutes-service.ts';

/**
 * Tasks from the minutes (issue 14 part 4): what, who is responsible, by when, and the record it
 * concerns (the item's record). The responsible person must be able to see that record by its
 * own rules; the task lands in the record's chronology (`meeting_task_created`) and in the
 * responsible person's "Mine opgaver" (`meeting_task`) until it is marked done.
 */
export async function addTask(
  ctx: RequestContext,
  meetingId: string,
  body: {
    id: string;
    version: number;
    agendaItemId: string | null;
    description: string;
    responsibleUserId: string;
    dueOn: string;
  },
) {
  // A repeat is answered before the version check (a retry after a lost answer is no conflict);
  // an id already used for another meeting's task, in any municipality, is a conflict.
  const usedFor = await taskMeetingOf(ctx.db, body.id);
  if (usedFor !== undefined) {
    if (usedFor !== meetingId) throw new AppError('conflict');
    return latestMinutes(ctx, meetingId);
  }
  return inDraft(ctx, meetingId, body.version, async (scope) => {
    const found = body.agendaItemId ? await visibleItem(scope, ctx, body.agendaItemId) : undefined;
    const record = {
      caseId: found?.item.case_id ?? null,
      inquiryId: found?.item.inquiry_id ?? null,
    };
    const problems = textProblems(scope.forumKind, { 'body.description': body.description });
    const responsible = await activeUser(
      scope.trx,
      scope.key.municipalityCode,
      body.responsibleUserId,
    );
    if (!responsible) {
      problems.push({ field: 'body.responsibleUserId', code: 'minutes_task_responsible_unknown' });
    } else if (!(await userMaySeeRecord(scope.trx, userFromRow(responsible), record))) {
      problems.push({
        field: 'body.responsibleUserId',
        code: 'minutes_task_responsible_may_not_see',
      });
    }
    if (problems.length > 0 || !responsible) {
      throw new AppError('validation_failed', { fields: problems });
    }
    await insertTask(scope.trx, scope.key, {
      id: body.id,
      minutesId: scope.minutesId,
      agendaItemId: body.agendaItemId,
      ...record,
      description: body.description,
      responsibleUserId: responsible.id,
      dueOn: body.dueOn,
      userId: ctx.user.id,
    });
    if (found?.access.kind === 'case') {
      await recordCaseChange(scope.trx, ctx, found.access.access, {
        kind: 'meeting_task_created',
        changes: {
          meetingTask: { from: null, to: body.description },
          deadline: { from: null, to: body.dueOn },
          responsible: { from: null, to: responsible.display_name },
        },
        action: 'create',
        resourceType: 'meeting_task',
        resourceId: body.id,
        details: { meetingId, taskId: body.id },
        // The task's words may be about the concern itself (they are hidden in the minutes
        // from readers without the compartment), so the event is the compartment's too.
        compartment: true,
      });
    }
    return { taskId: body.id, repeated: false };
  });
}

/**
 * Marks a task done: its responsible person (while they may still see its record), or a writer of
 * the meeting's minutes. Allowed after approval: doing the task is not editing the minutes.
 */
export async function completeTask(
  ctx: RequestContext,
  meetingId: string,
  taskId: string,
  body: { version: number },
): Promise<{ id: string; version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    // Police staff have no municipality of their own: the task is found in their area.
    const task = await taskInArea(trx, ctx.user, meetingId, taskId);
    if (!task) throw new AppError('not_found');
    const municipalityCode = task.municipality_code;
    const key = { meetingId, municipalityCode };
    const meeting = await meetingAccess(trx, ctx.user, meetingId);
    const writer = meeting !== undefined && mayWriteMinutes(meeting);
    const responsible =
      task.responsible_user_id === ctx.user.id &&
      (await userMaySeeRecord(trx, ctx.user, { caseId: task.case_id, inquiryId: task.inquiry_id }));
    if (!writer && !responsible) throw new AppError('not_found');
    if (task.done_at !== null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'params.taskId', code: 'minutes_task_done' }],
      });
    }
    const version = await markTaskDone(trx, key, taskId, body.version, ctx.user.id);
    if (version === undefined) throw staleVersion(task.version);
    await auditMinutesChange(trx, ctx, municipalityCode, {
      action: 'update',
      resourceType: 'meeting_task',
      resourceId: taskId,
      details: { meetingId, done: true },
    });
    return { id: taskId, version };
  });
}
