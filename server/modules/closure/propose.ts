import type { RequestContext } from '../../platform/context.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import { inCaseTransaction, recordCaseChange, requireOpenCase } from '../cases/case-work.ts';
import { openInterventionIds } from '../case-interventions/closing.ts';
import { unitInMunicipality } from '../admin/queries-units.ts';
import { approvedPlanGoals } from '../plans/queries.ts';
import { checkDispositions, checkGoals, statusOf } from './checks.ts';
import { closureById, insertClosure, pendingClosureId } from './queries-writes.ts';
import type { ProposeClosure } from './schema.ts';

/**
 * Proposing a closure (issue 5 item 8): any member with the whole case proposes the outcome, the
 * reason, the status of every goal of the current approved plan, and what happens to every open
 * intervention. One proposal at a time; a client-made id makes a repeated request answer with the
 * first proposal. The case's coordinators are told it awaits their approval.
 */
export async function proposeClosure(
  ctx: RequestContext,
  access: CaseAccess,
  body: ProposeClosure,
): Promise<{ id: string; status: 'proposed' | 'approved' | 'rejected'; created: boolean }> {
  return inCaseTransaction(ctx, access, 'closure', 'write', async (trx, locked) => {
    if (body.id) {
      const same = await closureById(trx, body.id);
      if (same) {
        if (same.case_id !== access.caseId) throw new AppError('conflict');
        return { id: same.id, status: statusOf(same.status), created: false };
      }
    }
    requireOpenCase(locked);
    const pending = await pendingClosureId(trx, access);
    if (pending) throw new AppError('conflict', { meta: { closureId: pending } });

    const problems: FieldProblem[] = [];
    if (body.outcome === 'transferred') {
      if (body.transferredUnitId === null) {
        problems.push({ field: 'body.transferredUnitId', code: 'required' });
      } else if (
        !(await unitInMunicipality(trx, body.transferredUnitId, access.municipalityCode))
      ) {
        problems.push({ field: 'body.transferredUnitId', code: 'unit_not_in_case_municipality' });
      }
    } else if (body.transferredUnitId !== null) {
      problems.push({ field: 'body.transferredUnitId', code: 'only_when_transferred' });
    }
    if (body.outcome === 'other') {
      if (body.outcomeOther === null)
        problems.push({ field: 'body.outcomeOther', code: 'required' });
    } else if (body.outcomeOther !== null) {
      problems.push({ field: 'body.outcomeOther', code: 'only_with_outcome_other' });
    }

    const goals = await approvedPlanGoals(trx, access);
    problems.push(
      ...checkGoals(
        goals.map((g) => g.key),
        body.goalStatuses,
      ),
    );
    const open = await openInterventionIds(trx, access);
    problems.push(...checkDispositions(open, body.interventionDispositions));
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const id = await insertClosure(trx, {
      ...(body.id && { id: body.id }),
      case_id: access.caseId,
      outcome: body.outcome,
      transferred_unit_id: body.transferredUnitId,
      outcome_other: body.outcomeOther,
      reason: body.reason,
      goal_statuses: JSON.stringify(body.goalStatuses),
      intervention_dispositions: JSON.stringify(body.interventionDispositions),
      proposed_by: ctx.user.id,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'closure_proposed',
      changes: { outcome: { from: null, to: body.outcome } },
      action: 'create',
      resourceType: 'case_closure',
      resourceId: id,
      details: { closureId: id, outcome: body.outcome },
    });
    await notifyCaseCoordinators(
      trx,
      access,
      'closure_awaiting_approval',
      { closureId: id },
      ctx.user.id,
    );
    return { id, status: 'proposed', created: true };
  });
}
