import type { Transaction } from 'kysely';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { lockCase, recordCaseChange, requireOpenCase, staleVersion } from '../cases/case-work.ts';
import { lockPlan, stateProblem } from './content.ts';
import type { PlanRow } from './queries.ts';

/**
 * The steps every change of a plan shares (drafts.ts, decisions.ts): lock the open case, then
 * the plan; record the chronology event and audit entry, which name the plan's number, never
 * its text.
 */

/** The case, locked and open, and then the plan of this case, locked; 404 for another's plan. */
export async function lockOpenPlan(
  trx: Transaction<DB>,
  access: CaseAccess,
  planId: string,
): Promise<PlanRow> {
  requireOpenCase(await lockCase(trx, access));
  return lockPlan(trx, access, planId);
}

/**
 * A step on the plan (submit, approve, send back): the open case and the plan locked as above,
 * the plan in a status the step takes (else the step's `problem`) and still at the version the
 * caller read (else 409 with the current one).
 */
export async function lockPlanForStep(
  trx: Transaction<DB>,
  access: CaseAccess,
  planId: string,
  step: { from: readonly string[]; problem: string; version: number },
): Promise<PlanRow> {
  const row = await lockOpenPlan(trx, access, planId);
  if (!step.from.includes(row.status)) throw stateProblem(step.problem);
  if (row.version !== step.version) throw staleVersion(row.version);
  return row;
}

/** The plan's chronology event (`plan` to its number) and audit entry (its number first). */
export async function recordPlanChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  plan: { id: string; number: number },
  change: {
    kind: 'plan_drafted' | 'plan_submitted' | 'plan_approved' | 'plan_rejected';
    action: 'create' | 'update';
    details: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await recordCaseChange(trx, ctx, access, {
    kind: change.kind,
    changes: { plan: { from: null, to: plan.number } },
    action: change.action,
    resourceType: 'case_plan',
    resourceId: plan.id,
    details: { number: plan.number, ...change.details },
  });
}
