import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import { notify, notifyCaseCoordinators } from '../notifications/service.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import { danishToday } from '../cases/chronology.ts';
import { scheduleFollowUpsForPlan } from '../follow-ups/schedule.ts';
import { getSettings } from '../inquiries/settings.ts';
import { checkComplete } from './content.ts';
import { lockPlanForStep, recordPlanChange } from './plan-work.ts';
import { markDecided, markSubmitted, memberIds, supersedeApproved } from './queries.ts';
import { loadPlan } from './reading.ts';
import type { ApprovePlan, Plan, RejectPlan } from './schema.ts';

/**
 * Deciding on the action plan: members with the whole case submit a draft; the case's
 * coordinators approve or send back (a coordinator may approve a draft directly). With the
 * municipality's setting `steering_group` (model 3) the approval records the steering group's
 * meeting date. A submitted plan must be sent back before it changes; an approved or superseded
 * one never changes. Approving supersedes the previous approved version and schedules the
 * follow-ups from the plan's frequency, in the same transaction.
 */

/** Sends a draft to the case's coordinators for approval. */
export async function submitPlan(
  ctx: RequestContext,
  access: CaseAccess,
  planId: string,
  version: number,
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockPlanForStep(trx, access, planId, {
      from: ['draft'],
      problem: 'plan_not_draft',
      version,
    });
    checkComplete(row, await memberIds(trx, access));
    await markSubmitted(trx, access, row.id, ctx.user.id);
    await notifyCaseCoordinators(
      trx,
      access,
      'plan_awaiting_approval',
      { planId: row.id },
      ctx.user.id,
    );
    await recordPlanChange(trx, ctx, access, row, {
      kind: 'plan_submitted',
      action: 'update',
      details: { from: row.status, to: 'submitted' },
    });
    return loadPlan(trx, access, row.id);
  });
}

/**
 * Approves a submitted plan or a draft (the case's coordinators only). With the steering group
 * as approver, the meeting date is required and not in the future. The previous approved
 * version is superseded and the follow-ups are scheduled from the new one.
 */
export async function approvePlan(
  ctx: RequestContext,
  access: CaseAccess,
  planId: string,
  body: ApprovePlan,
  now = new Date(),
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockPlanForStep(trx, access, planId, {
      from: ['draft', 'submitted'],
      problem: 'plan_not_awaiting_approval',
      version: body.version,
    });
    const today = danishToday(now);
    const settings = await getSettings(trx, access.municipalityCode);
    const meeting = body.steeringGroupMeetingOn;
    if (settings.planApproval === 'steering_group') {
      if (meeting === undefined) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'body.steeringGroupMeetingOn', code: 'required' }],
        });
      }
      if (meeting > today) {
        throw new AppError('validation_failed', {
          fields: [{ field: 'body.steeringGroupMeetingOn', code: 'in_future' }],
        });
      }
    } else if (meeting !== undefined) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.steeringGroupMeetingOn', code: 'plan_steering_group_not_used' }],
      });
    }
    checkComplete(row, await memberIds(trx, access));

    const superseded = await supersedeApproved(trx, access, now);
    const decision = { status: 'approved', meeting: meeting ?? null } as const;
    await markDecided(trx, access, row.id, ctx.user.id, decision, now);
    const followUps = await scheduleFollowUpsForPlan(
      trx,
      ctx,
      access,
      {
        id: row.id,
        startsOn: row.starts_on,
        endsOn: row.ends_on,
        nextFollowUpOn: row.next_follow_up_on,
        intervalDays: row.follow_up_interval_days,
      },
      today,
    );
    await recordPlanChange(trx, ctx, access, row, {
      kind: 'plan_approved',
      action: 'update',
      details: {
        from: row.status,
        to: 'approved',
        superseded: superseded.join(',') || null,
        steeringGroup: meeting !== undefined,
        followUps,
      },
    });
    return loadPlan(trx, access, row.id);
  });
}

/** Sends a submitted plan back with a comment (the case's coordinators only). */
export async function rejectPlan(
  ctx: RequestContext,
  access: CaseAccess,
  planId: string,
  body: RejectPlan,
  now = new Date(),
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockPlanForStep(trx, access, planId, {
      from: ['submitted'],
      problem: 'plan_not_awaiting_approval',
      version: body.version,
    });
    const decision = { status: 'rejected', comment: body.comment } as const;
    await markDecided(trx, access, row.id, ctx.user.id, decision, now);
    await recordPlanChange(trx, ctx, access, row, {
      kind: 'plan_rejected',
      action: 'update',
      details: { from: row.status, to: 'rejected' },
    });
    // The one who sent it for approval learns it came back (unless they sent it back themselves).
    const author = row.submitted_by ?? row.created_by;
    if (author !== ctx.user.id) {
      await notify(trx, [
        {
          userId: author,
          kind: 'plan_rejected',
          caseId: access.caseId,
          details: { planId: row.id },
        },
      ]);
    }
    return loadPlan(trx, access, row.id);
  });
}
