import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import { AREA_GOAL_STATUSES, type AreaGoalStatus } from '../../../shared/housing-areas.ts';
import { auditAreaPlanChange } from './area-work.ts';
import { stateProblem, storedGoals } from './content.ts';
import { loadAreaPlan } from './plan-reading.ts';
import { lockedPlan } from './plans.ts';
import {
  approvedGoalsOf,
  followUpExists,
  followUpStatusesOf,
  insertFollowUp,
} from './queries-plans.ts';
import type { AreaPlan, FollowUpBody } from './schema.ts';

/**
 * The follow-up of the approved plan's goals: an entry (status, note, date, the next review)
 * appended to the goal's history, never changed. The newest entry is the goal's status. The
 * client chooses the entry's id: the same id again answers the plan without a second entry.
 */
export async function followUpGoal(
  ctx: RequestContext,
  areaId: string,
  planId: string,
  goalKey: string,
  body: z.infer<typeof FollowUpBody>,
): Promise<AreaPlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { pa, row } = await lockedPlan(ctx, trx, areaId, planId);
    const existing = await followUpExists(trx, body.id);
    if (existing) {
      if (existing.plan_id !== row.id) throw new AppError('duplicate');
      return loadAreaPlan(trx, pa, ctx.user.id, row.id);
    }
    requireAreaRight(pa.abilities.writePlan);
    if (row.status !== 'approved') throw stateProblem('area_plan_not_approved');
    if (!storedGoals(row.goals).some((g) => g.key === goalKey)) throw new AppError('not_found');
    if (body.note !== null && personalReferenceIn(body.note) !== null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.note', code: 'area_plan_cpr' }],
      });
    }
    if (body.nextReviewOn !== null && body.nextReviewOn < body.recordedOn) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.nextReviewOn', code: 'area_plan_review_before_recorded' }],
      });
    }
    await insertFollowUp(trx, {
      id: body.id,
      municipality_code: pa.access.municipalityCode,
      area_id: areaId,
      plan_id: row.id,
      goal_key: goalKey,
      status: body.status,
      note: body.note || null,
      recorded_on: body.recordedOn,
      next_review_on: body.nextReviewOn,
      recorded_by: ctx.user.id,
    });
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'create',
      resourceType: 'area_plan_goal_follow_up',
      resourceId: body.id,
      details: { planId: row.id, goalKey, status: body.status },
    });
    return loadAreaPlan(trx, pa, ctx.user.id, row.id);
  });
}

export type GoalCounts = Record<AreaGoalStatus, number> & { total: number };

/**
 * Figures for the aggregates view and the statistics (issue 17): the goals of each area's
 * approved action plan by their current status (the newest follow-up; none: not started).
 * Counts only, no text. The caller has decided which areas the user may see figures of.
 */
export async function countAreaPlanGoalsByArea(
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
): Promise<Map<string, GoalCounts>> {
  const [plans, followUps] = await Promise.all([
    approvedGoalsOf(db, municipalityCode, areaIds),
    followUpStatusesOf(db, municipalityCode, areaIds),
  ]);
  const current = new Map<string, AreaGoalStatus>();
  for (const f of followUps) current.set(`${f.area_id}:${f.goal_key}`, f.status);
  const result = new Map<string, GoalCounts>();
  for (const areaId of areaIds) {
    const counts = Object.fromEntries(AREA_GOAL_STATUSES.map((s) => [s, 0])) as GoalCounts;
    counts.total = 0;
    result.set(areaId, counts);
  }
  for (const plan of plans) {
    const counts = result.get(plan.area_id);
    if (!counts) continue;
    for (const goal of storedGoals(plan.goals)) {
      counts[current.get(`${plan.area_id}:${goal.key}`) ?? 'not_started'] += 1;
      counts.total += 1;
    }
  }
  return result;
}
