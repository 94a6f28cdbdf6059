import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { markCaseClosed } from '../cases/queries-case-rows.ts';
import type { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  inCaseTransaction,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { getSettings } from '../inquiries/settings.ts';
import {
  cancelOpenOffers,
  endInterventions,
  openInterventionIds,
} from '../case-interventions/closing.ts';
import { cancelScheduledFollowUps } from '../follow-ups/closing.ts';
import { approvedPlanGoals } from '../plans/queries.ts';
import {
  checkDispositions,
  checkGoals,
  lockedProposal,
  StoredDispositions,
  StoredGoalStatuses,
} from './checks.ts';
import { markClosureDecided, scheduleReviews } from './queries-writes.ts';
import type { ApproveClosureBody, RejectClosureBody } from './schema.ts';

/**
 * Deciding on a closure proposal. The case's coordinators approve or send it back with a comment.
 * With the municipality's four-eyes setting for closures on (the default), the proposer cannot
 * approve their own proposal (409 `closure_four_eyes_same_person`); with it off (a municipality
 * with one coordinator) they may, and the chronology says it was decided without a second
 * coordinator. Approval closes the case in one transaction: open
 * interventions end (status ended, or cancelled if never started; end date Danish today;
 * `end_reason` stays null — the disposition, "ends" or "continues outside the case", is kept on
 * the closure and shown from there), scheduled follow-ups and scheduled/open offers are
 * cancelled, the goal statuses stay on the closure, and re-reviews are scheduled 6 and 12 months
 * later.
 */
export async function approveClosure(
  ctx: RequestContext,
  access: CaseAccess,
  closureId: string,
  body: z.infer<typeof ApproveClosureBody>,
  now = new Date(),
): Promise<number> {
  return inCaseTransaction(ctx, access, 'closure', 'approve', async (trx, locked) => {
    const closure = await lockedProposal(trx, access, closureId);
    const decidedAlone = closure.proposed_by === ctx.user.id;
    if (decidedAlone && (await getSettings(trx, access.municipalityCode)).closureFourEyes) {
      throw new AppError('closure_four_eyes_same_person');
    }
    if (locked.version !== body.caseVersion) throw staleVersion(locked.version);
    requireOpenCase(locked);
    // The case may have moved on since the proposal: a new approved plan or a new intervention
    // means the proposal no longer says what happens to everything; send it back instead.
    const goals = await approvedPlanGoals(trx, access);
    const open = await openInterventionIds(trx, access);
    const dispositions = StoredDispositions(closure.intervention_dispositions);
    const problems = [
      ...checkGoals(
        goals.map((g) => g.key),
        StoredGoalStatuses(closure.goal_statuses),
        'closure',
      ),
      ...checkDispositions(open, dispositions, 'closure'),
    ];
    if (problems.length > 0) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'closure', code: 'closure_outdated' }],
      });
    }

    const today = danishToday(now);
    await markClosureDecided(trx, access, closureId, { status: 'approved' }, ctx.user.id, now);
    const updatedVersion = await markCaseClosed(trx, access, now);
    await endInterventions(trx, access, open, today, now);
    const followUpsCancelled = await cancelScheduledFollowUps(trx, access);
    const offersCancelled = await cancelOpenOffers(trx, access);
    await scheduleReviews(trx, access, closureId, today);

    await recordCaseChange(trx, ctx, access, {
      kind: 'closure_approved',
      changes: {
        status: { from: locked.status, to: 'closed' },
        ...(decidedAlone && { decidedAlone: { from: null, to: true } }),
      },
      action: 'update',
      resourceType: 'case_closure',
      resourceId: closureId,
      details: {
        closureId,
        decidedAlone,
        outcome: closure.outcome,
        from: locked.status,
        to: 'closed',
        interventionsClosed: open.length,
        followUpsCancelled,
        offersCancelled,
      },
    });
    return updatedVersion;
  });
}

/**
 * The pending proposals the caller may not approve: their own, while the municipality has
 * four-eyes on closures (the approve route refuses them the same way).
 */
export async function ownPendingProposals(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  closures: { id: string; status: string; proposedBy: { id: string } }[],
): Promise<string[]> {
  const { closureFourEyes } = await getSettings(trx, access.municipalityCode);
  if (!closureFourEyes) return [];
  return closures
    .filter((c) => c.status === 'proposed' && c.proposedBy.id === ctx.user.id)
    .map((c) => c.id);
}

export async function rejectClosure(
  ctx: RequestContext,
  access: CaseAccess,
  closureId: string,
  body: z.infer<typeof RejectClosureBody>,
  now = new Date(),
): Promise<void> {
  await inCaseTransaction(ctx, access, 'closure', 'approve', async (trx) => {
    await lockedProposal(trx, access, closureId);
    await markClosureDecided(
      trx,
      access,
      closureId,
      { status: 'rejected', decision_comment: body.comment },
      ctx.user.id,
      now,
    );
    await recordCaseChange(trx, ctx, access, {
      kind: 'closure_rejected',
      action: 'update',
      resourceType: 'case_closure',
      resourceId: closureId,
      details: { closureId },
    });
  });
}
