import type { z } from 'zod';
import { requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { auditAreaPlanChange } from './area-work.ts';
import { stateProblem, storedGoals } from './content.ts';
import { authorsOf, loadAreaPlan } from './plan-reading.ts';
import { lockedPlan } from './plans.ts';
import { changeAreaPlan, supersedeApprovedAreaPlan } from './queries-plans.ts';
import type { AreaPlan, ReturnAreaPlanBody } from './schema.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';

/**
 * Deciding on the area action plan, as for the individual plan: the team submits a draft; a
 * coordinator of the team (`approvePlan`) who neither created, saved nor submitted it — ever,
 * not only last (`editors`, kept across a send-back) — approves it (four-eyes, `area_plan_four_eyes`) or sends it back with a comment. Approving supersedes the
 * previous approved version; an approved or superseded version never changes.
 */

export async function submitAreaPlan(
  ctx: RequestContext,
  areaId: string,
  planId: string,
  version: number,
): Promise<AreaPlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { pa, row } = await lockedPlan(ctx, trx, areaId, planId);
    requireAreaRight(pa.abilities.writePlan);
    if (row.status !== 'draft') throw stateProblem('area_plan_not_draft');
    if (row.version !== version) throw staleVersion(row.version);
    if (storedGoals(row.goals).length === 0) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.goals', code: 'area_plan_no_goals' }],
      });
    }
    const saved = await changeAreaPlan(
      trx,
      pa.access.municipalityCode,
      row.id,
      version,
      {
        status: 'submitted',
        submitted_by: ctx.user.id,
        submitted_at: new Date(),
      },
      ctx.user.id,
    );
    if (!saved) throw staleVersion(row.version);
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'update',
      resourceType: 'area_action_plan',
      resourceId: row.id,
      details: { number: row.number, from: 'draft', to: 'submitted' },
    });
    return loadAreaPlan(trx, pa, ctx.user.id, row.id);
  });
}

export async function approveAreaPlan(
  ctx: RequestContext,
  areaId: string,
  planId: string,
  version: number,
): Promise<AreaPlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { pa, row } = await lockedPlan(ctx, trx, areaId, planId);
    requireAreaRight(pa.abilities.approvePlan);
    if (row.status !== 'submitted') throw stateProblem('area_plan_not_submitted');
    if (row.version !== version) throw staleVersion(row.version);
    if (authorsOf(row).has(ctx.user.id)) throw stateProblem('area_plan_four_eyes');
    const code = pa.access.municipalityCode;
    const superseded = await supersedeApprovedAreaPlan(trx, code, areaId);
    const now = new Date();
    const saved = await changeAreaPlan(trx, code, row.id, version, {
      status: 'approved',
      approved_by: ctx.user.id,
      approved_at: now,
    });
    if (!saved) throw staleVersion(row.version);
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'update',
      resourceType: 'area_action_plan',
      resourceId: row.id,
      details: {
        number: row.number,
        from: 'submitted',
        to: 'approved',
        superseded: superseded.join(',') || null,
      },
    });
    return loadAreaPlan(trx, pa, ctx.user.id, row.id);
  });
}

/** Sends a submitted version back to draft with a comment (those who approve). */
export async function sendBackAreaPlan(
  ctx: RequestContext,
  areaId: string,
  planId: string,
  body: z.infer<typeof ReturnAreaPlanBody>,
): Promise<AreaPlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { pa, row } = await lockedPlan(ctx, trx, areaId, planId);
    requireAreaRight(pa.abilities.approvePlan);
    if (row.status !== 'submitted') throw stateProblem('area_plan_not_submitted');
    if (row.version !== body.version) throw staleVersion(row.version);
    if (personalReferenceIn(body.comment) !== null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.comment', code: 'area_plan_cpr' }],
      });
    }
    const saved = await changeAreaPlan(trx, pa.access.municipalityCode, row.id, body.version, {
      status: 'draft',
      submitted_by: null,
      submitted_at: null,
      returned_comment: body.comment,
    });
    if (!saved) throw staleVersion(row.version);
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'update',
      resourceType: 'area_action_plan',
      resourceId: row.id,
      details: { number: row.number, from: 'submitted', to: 'draft' },
    });
    return loadAreaPlan(trx, pa, ctx.user.id, row.id);
  });
}
