import type { Transaction } from 'kysely';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { lockCase, recordCaseChange, requireOpenCase } from '../cases/case-work.ts';
import { lockPlan } from './content.ts';
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
