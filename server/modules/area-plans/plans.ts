import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { planOptions } from './analyses.ts';
import { auditAreaPlanChange, planAccess, type AreaPlanAccess } from './area-work.ts';
import { checkPlan, stateProblem, storedGoals, toStoredGoals } from './content.ts';
import { lockAreaRow } from './queries-analyses.ts';
import {
  areaPlanIdTaken,
  areaPlansOf,
  changeAreaPlan,
  insertAreaPlan,
  lockAreaPlan,
  type AreaPlanRow,
} from './queries-plans.ts';
import { loadAreaPlan, loadAreaPlans } from './plan-reading.ts';
import {
  ReflectionSchema,
  type AreaPlan,
  type CreateAreaPlanBody,
  type UpdateAreaPlan,
} from './schema.ts';

/**
 * Writing the area action plan's drafts, mirroring the individual plan (server/modules/plans):
 * one open version (draft or submitted) at a time; a new version copies the newest approved one
 * (else the newest), goals keeping their key; only a draft is saved, with optimistic locking.
 */

export async function listAreaPlans(ctx: RequestContext, areaId: string) {
  const pa = await planAccess(ctx, ctx.db, areaId);
  return {
    abilities: { create: pa.abilities.writePlan },
    options: await planOptions(ctx.db, pa),
    items: await loadAreaPlans(ctx.db, pa, ctx.user.id),
  };
}

/** Within a transaction: the caller's access and the version, locked (404 if not the area's). */
export async function lockedPlan(
  ctx: RequestContext,
  trx: Transaction<DB>,
  areaId: string,
  planId: string,
): Promise<{ pa: AreaPlanAccess; row: AreaPlanRow }> {
  const pa = await planAccess(ctx, trx, areaId);
  const row = await lockAreaPlan(trx, pa.access.municipalityCode, areaId, planId);
  if (!row) throw new AppError('not_found');
  return { pa, row };
}

/**
 * A new version with the client's id, copied from the newest approved version (else the newest).
 * The same id again answers that version; with an open version already there, it is answered.
 */
export async function createAreaPlan(
  ctx: RequestContext,
  areaId: string,
  body: z.infer<typeof CreateAreaPlanBody>,
): Promise<{ created: boolean; plan: AreaPlan }> {
  return ctx.db.transaction().execute(async (trx) => {
    const pa = await planAccess(ctx, trx, areaId);
    const code = pa.access.municipalityCode;
    const rows = await areaPlansOf(trx, code, areaId);
    if (rows.some((r) => r.id === body.id)) {
      return { created: false, plan: await loadAreaPlan(trx, pa, ctx.user.id, body.id) };
    }
    requireAreaRight(pa.abilities.writePlan);
    if (await areaPlanIdTaken(trx, body.id)) throw new AppError('duplicate');
    await lockAreaRow(trx, code, areaId);
    const open = rows.find((r) => r.status === 'draft' || r.status === 'submitted');
    if (open) return { created: false, plan: await loadAreaPlan(trx, pa, ctx.user.id, open.id) };
    const source = rows.find((r) => r.status === 'approved') ?? rows[0];
    const number = (rows[0]?.number ?? 0) + 1;
    await insertAreaPlan(trx, {
      id: body.id,
      municipality_code: code,
      area_id: areaId,
      number,
      based_on_id: source?.id ?? null,
      reflection: JSON.stringify(ReflectionSchema.parse(source?.reflection ?? {})),
      goals: JSON.stringify(source ? storedGoals(source.goals) : []),
      created_by: ctx.user.id,
    });
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'create',
      resourceType: 'area_action_plan',
      resourceId: body.id,
      details: { number, basedOnId: source?.id ?? null },
    });
    return { created: true, plan: await loadAreaPlan(trx, pa, ctx.user.id, body.id) };
  });
}

/** Saves a draft's reflection answers and goals; a submitted or approved version is refused. */
export async function updateAreaPlan(
  ctx: RequestContext,
  areaId: string,
  planId: string,
  body: UpdateAreaPlan,
): Promise<AreaPlan> {
  return ctx.db.transaction().execute(async (trx) => {
    const { pa, row } = await lockedPlan(ctx, trx, areaId, planId);
    requireAreaRight(pa.abilities.writePlan);
    if (row.status === 'submitted') throw stateProblem('area_plan_submitted');
    if (row.status !== 'draft') throw stateProblem('area_plan_not_editable');
    if (row.version !== body.version) throw staleVersion(row.version);
    const connectors = await checkPlan(trx, pa.access, body);
    const saved = await changeAreaPlan(
      trx,
      pa.access.municipalityCode,
      row.id,
      body.version,
      {
        reflection: JSON.stringify(body.reflection),
        goals: JSON.stringify(toStoredGoals(body, connectors)),
        updated_by: ctx.user.id,
      },
      ctx.user.id,
    );
    if (!saved) throw staleVersion(row.version);
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'update',
      resourceType: 'area_action_plan',
      resourceId: row.id,
      details: { number: row.number, goals: body.goals.length },
    });
    return loadAreaPlan(trx, pa, ctx.user.id, row.id);
  });
}
