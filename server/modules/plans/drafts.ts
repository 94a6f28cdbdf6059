import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import { inCaseTransaction, requireOpenCase, staleVersion } from '../cases/case-work.ts';
import { checkContent, stateProblem, toStoredGoals } from './content.ts';
import { lockOpenPlan, recordPlanChange } from './plan-work.ts';
import { hasNewerPlan, insertDraft, memberIds, planRows, saveDraft } from './queries.ts';
import { loadPlan } from './reading.ts';
import type { Plan, UpdatePlan } from './schema.ts';
import { storedAgreements, storedGoals } from './stored.ts';

/**
 * Writing the action plan's drafts (NCFE tool 5). One open version (draft or submitted) at a
 * time; a new draft copies the newest approved version (else the newest), goals keeping their
 * `key`. A plan sent back becomes a draft again on its next save, as long as it is the newest
 * version. Every change appends its chronology event and audit entries (recordCaseChange); the
 * audit details name ids, numbers and statuses, never the plan's text.
 */

/**
 * A new draft, copied from the newest approved version (else the newest). Idempotent: when a
 * draft or submitted version exists, that one is returned (`created: false`).
 */
export async function createDraft(
  ctx: RequestContext,
  access: CaseAccess,
): Promise<{ plan: Plan; created: boolean }> {
  return inCaseTransaction(ctx, access, 'plan', 'write', async (trx, locked) => {
    requireOpenCase(locked);
    const rows = await planRows(trx, access);
    const open = rows.find((r) => r.status === 'draft' || r.status === 'submitted');
    if (open) return { plan: await loadPlan(trx, access, open.id), created: false };
    const source = rows.find((r) => r.status === 'approved') ?? rows[0];
    const number = (rows[0]?.number ?? 0) + 1;
    const insertedId = await insertDraft(trx, {
      case_id: access.caseId,
      number,
      based_on_id: source?.id ?? null,
      purpose: source?.purpose ?? null,
      goals: JSON.stringify(source ? storedGoals(source.goals) : []),
      agreements: JSON.stringify(source ? storedAgreements(source.agreements) : []),
      citizen_wishes: source?.citizen_wishes ?? null,
      citizen_participated: source?.citizen_participated ?? null,
      starts_on: source?.starts_on ?? null,
      ends_on: source?.ends_on ?? null,
      next_follow_up_on: source?.next_follow_up_on ?? null,
      follow_up_interval_days: source?.follow_up_interval_days ?? null,
      created_by: ctx.user.id,
    });
    await recordPlanChange(
      trx,
      ctx,
      access,
      { id: insertedId, number },
      {
        kind: 'plan_drafted',
        action: 'create',
        details: { basedOn: source?.id ?? null },
      },
    );
    return { plan: await loadPlan(trx, access, insertedId), created: true };
  });
}

/** Saves a draft's content (a plan sent back becomes a draft again). */
export async function updatePlan(
  ctx: RequestContext,
  access: CaseAccess,
  planId: string,
  body: UpdatePlan,
): Promise<Plan> {
  requireCaseAbility(access, 'plan', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockOpenPlan(trx, access, planId);
    if (row.status === 'submitted') throw stateProblem('plan_submitted');
    if (row.status === 'approved' || row.status === 'superseded') {
      throw stateProblem('plan_not_editable');
    }
    if (row.status === 'rejected') {
      if (await hasNewerPlan(trx, access, row.number)) {
        throw stateProblem('plan_not_editable');
      }
    }
    if (row.version !== body.version) throw staleVersion(row.version);
    const problems = checkContent(body, await memberIds(trx, access), 'body');
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const saved = await saveDraft(trx, access, row.id, body.version, {
      purpose: body.purpose || null,
      goals: JSON.stringify(toStoredGoals(body)),
      agreements: JSON.stringify(body.agreements),
      citizen_wishes: body.citizenWishes || null,
      citizen_participated: body.citizenParticipated,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      next_follow_up_on: body.nextFollowUpOn,
      follow_up_interval_days: body.followUpIntervalDays,
    });
    if (!saved) throw staleVersion(row.version);
    await recordPlanChange(trx, ctx, access, row, {
      kind: 'plan_drafted',
      action: 'update',
      details: {
        from: row.status,
        goals: body.goals.length,
        agreements: body.agreements.length,
      },
    });
    return loadPlan(trx, access, row.id);
  });
}
