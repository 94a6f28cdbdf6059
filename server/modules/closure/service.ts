import { requireCaseAbility } from '../../access/case-abilities.ts';
import { markCaseClosed, setCaseStatusAfterReview } from '../cases/case-rows.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { sql, type Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
  type CaseWorkContext,
} from '../cases/case-work.ts';
import { danishToday, type Changes } from '../cases/chronology.ts';
import { approvedPlan } from './plan-goals.ts';
import type {
  ApproveClosureBody,
  ProposeClosure,
  RecordReview,
  RejectClosureBody,
} from './schema.ts';

/**
 * Closure and re-review (issue 5 item 8).
 *
 * - Any member with the whole case proposes a closure: outcome, reason, the status of every goal
 *   of the current approved plan, and what happens to every open intervention. One proposal at a
 *   time; a client-made id makes a repeated request answer with the first proposal.
 * - The case's coordinators approve (the proposer too, when they are a coordinator: the
 *   coordinator is responsible for the case, and a municipality may have only one) or send it
 *   back with a comment. Approval closes the case in one transaction: open interventions end
 *   (status ended, or cancelled if never started; end date Danish today; `end_reason` stays null —
 *   the disposition, "ends" or "continues outside the case", is kept on the closure and shown
 *   from there), scheduled follow-ups and scheduled/open offers are cancelled, the goal statuses
 *   stay on the closure, and re-reviews are scheduled 6 and 12 months later.
 * - A re-review confirms the closure or reopens the case with a reason, and records the outcome
 *   fields of the effect goals (no longer at risk at 6 months; in education or work at 12).
 */
const OPEN_INTERVENTIONS = ['planned', 'active', 'paused'] as const;

/** `date` (YYYY-MM-DD) plus `months`, the day clamped to the month's last day (31 Aug + 6 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** `date` (YYYY-MM-DD) plus `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`).getTime() + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

async function openInterventionIds(trx: Transaction<DB>, caseId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_interventions')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', 'in', OPEN_INTERVENTIONS)
    .execute();
  return rows.map((r) => r.id);
}

export async function proposeClosure(
  ctx: CaseWorkContext,
  access: CaseAccess,
  body: ProposeClosure,
): Promise<{ id: string; status: 'proposed' | 'approved' | 'rejected'; created: boolean }> {
  requireCaseAbility(access, 'closure', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    if (body.id) {
      const same = await trx
        .selectFrom('case_closures')
        .select(['id', 'case_id', 'status'])
        .where('id', '=', body.id)
        .executeTakeFirst();
      if (same) {
        if (same.case_id !== access.caseId) throw new AppError('conflict');
        return { id: same.id, status: statusOf(same.status), created: false };
      }
    }
    requireOpenCase(locked);
    const pending = await trx
      .selectFrom('case_closures')
      .select('id')
      .where('case_id', '=', access.caseId)
      .where('status', '=', 'proposed')
      .executeTakeFirst();
    if (pending) throw new AppError('conflict', { meta: { closureId: pending.id } });

    const problems: FieldProblem[] = [];
    if (body.outcome === 'transferred') {
      if (body.transferredUnitId === null) {
        problems.push({ field: 'body.transferredUnitId', code: 'required' });
      } else {
        const unit = await trx
          .selectFrom('units')
          .select('id')
          .where('id', '=', body.transferredUnitId)
          .where('municipality_code', '=', access.municipalityCode)
          .executeTakeFirst();
        if (!unit) {
          problems.push({ field: 'body.transferredUnitId', code: 'unit_not_in_case_municipality' });
        }
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

    const plan = await approvedPlan(trx, access.caseId);
    problems.push(...checkGoals(plan?.goals.map((g) => g.key) ?? [], body.goalStatuses));
    const open = await openInterventionIds(trx, access.caseId);
    problems.push(...checkDispositions(open, body.interventionDispositions));
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const row = await trx
      .insertInto('case_closures')
      .values({
        ...(body.id && { id: body.id }),
        case_id: access.caseId,
        outcome: body.outcome,
        transferred_unit_id: body.transferredUnitId,
        outcome_other: body.outcomeOther,
        reason: body.reason,
        goal_statuses: JSON.stringify(body.goalStatuses),
        intervention_dispositions: JSON.stringify(body.interventionDispositions),
        proposed_by: ctx.user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'closure_proposed',
      changes: { outcome: { from: null, to: body.outcome } },
      action: 'create',
      resourceType: 'case_closure',
      resourceId: row.id,
      details: { closureId: row.id, outcome: body.outcome },
    });
    await notifyCaseCoordinators(
      trx,
      access.caseId,
      'closure_awaiting_approval',
      { closureId: row.id },
      ctx.user.id,
    );
    return { id: row.id, status: 'proposed', created: true };
  });
}

function statusOf(value: string): 'proposed' | 'approved' | 'rejected' {
  return value === 'approved' || value === 'rejected' ? value : 'proposed';
}

/** Every goal of the approved plan named exactly once, and no other. */
function checkGoals(
  keys: string[],
  statuses: { goalKey: string; status: string }[],
  prefix = 'body',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(keys);
  const seen = new Set<string>();
  statuses.forEach((entry, index) => {
    if (!known.has(entry.goalKey)) {
      problems.push({ field: `${prefix}.goalStatuses.${index}.goalKey`, code: 'unknown_goal' });
    } else if (seen.has(entry.goalKey)) {
      problems.push({ field: `${prefix}.goalStatuses.${index}.goalKey`, code: 'duplicate' });
    }
    seen.add(entry.goalKey);
  });
  if (keys.some((key) => !seen.has(key))) {
    problems.push({ field: `${prefix}.goalStatuses`, code: 'goal_status_missing' });
  }
  return problems;
}

/** Every open intervention given exactly one disposition, and no other intervention. */
function checkDispositions(
  open: string[],
  dispositions: { interventionId: string }[],
  prefix = 'body',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(open);
  const seen = new Set<string>();
  dispositions.forEach((entry, index) => {
    const field = `${prefix}.interventionDispositions.${index}.interventionId`;
    if (!known.has(entry.interventionId)) {
      problems.push({ field, code: 'unknown_intervention' });
    } else if (seen.has(entry.interventionId)) {
      problems.push({ field, code: 'duplicate' });
    }
    seen.add(entry.interventionId);
  });
  if (open.some((id) => !seen.has(id))) {
    problems.push({ field: `${prefix}.interventionDispositions`, code: 'open_interventions' });
  }
  return problems;
}

async function lockedProposal(trx: Transaction<DB>, caseId: string, closureId: string) {
  const closure = await trx
    .selectFrom('case_closures')
    .selectAll()
    .where('id', '=', closureId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!closure) throw new AppError('not_found');
  if (closure.status !== 'proposed') {
    throw new AppError('validation_failed', {
      fields: [{ field: 'closure.status', code: 'closure_not_proposed' }],
    });
  }
  return closure;
}

const StoredDispositions = (value: unknown): { interventionId: string; disposition: string }[] =>
  Array.isArray(value) ? (value as { interventionId: string; disposition: string }[]) : [];
const StoredGoalStatuses = (value: unknown): { goalKey: string; status: string }[] =>
  Array.isArray(value) ? (value as { goalKey: string; status: string }[]) : [];

export async function approveClosure(
  ctx: CaseWorkContext,
  access: CaseAccess,
  closureId: string,
  body: z.infer<typeof ApproveClosureBody>,
  now = new Date(),
): Promise<number> {
  requireCaseAbility(access, 'closure', 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const closure = await lockedProposal(trx, access.caseId, closureId);
    if (locked.version !== body.caseVersion) throw staleVersion(locked.version);
    requireOpenCase(locked);
    // The case may have moved on since the proposal: a new approved plan or a new intervention
    // means the proposal no longer says what happens to everything; send it back instead.
    const plan = await approvedPlan(trx, access.caseId);
    const open = await openInterventionIds(trx, access.caseId);
    const dispositions = StoredDispositions(closure.intervention_dispositions);
    const problems = [
      ...checkGoals(
        plan?.goals.map((g) => g.key) ?? [],
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
    await trx
      .updateTable('case_closures')
      .set({ status: 'approved', decided_by: ctx.user.id, decided_at: now })
      .where('id', '=', closureId)
      .execute();
    const updatedVersion = await markCaseClosed(trx, access.caseId, now);
    if (open.length > 0) {
      // Never started: cancelled; otherwise ended today (not before it started).
      await trx
        .updateTable('case_interventions')
        .set((eb) => ({
          status: sql<string>`case when ${eb.ref('status')} = 'planned' then 'cancelled' else 'ended' end`,
          ends_on: sql<string>`case when ${eb.ref('starts_on')} > ${today}::date then ${eb.ref('starts_on')} else ${today}::date end`,
          version: eb('version', '+', 1),
          updated_at: now,
        }))
        .where('id', 'in', open)
        .execute();
    }
    const followUps = await trx
      .updateTable('case_follow_ups')
      .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
      .where('case_id', '=', access.caseId)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    // A renewal never made keeps no offer date: it was cancelled before it was made.
    const offers = await trx
      .updateTable('case_offers')
      .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
      .where('case_id', '=', access.caseId)
      .where('status', 'in', ['scheduled', 'open'])
      .executeTakeFirst();
    await trx
      .insertInto('case_reviews')
      .values(
        [6, 12].map((months) => ({
          case_id: access.caseId,
          closure_id: closureId,
          months,
          due_on: addMonths(today, months),
        })),
      )
      .execute();

    await recordCaseChange(trx, ctx, access, {
      kind: 'closure_approved',
      changes: { status: { from: locked.status, to: 'closed' } },
      action: 'update',
      resourceType: 'case_closure',
      resourceId: closureId,
      details: {
        closureId,
        outcome: closure.outcome,
        from: locked.status,
        to: 'closed',
        interventionsClosed: open.length,
        followUpsCancelled: Number(followUps.numUpdatedRows),
        offersCancelled: Number(offers.numUpdatedRows),
      },
    });
    return updatedVersion;
  });
}

export async function rejectClosure(
  ctx: CaseWorkContext,
  access: CaseAccess,
  closureId: string,
  body: z.infer<typeof RejectClosureBody>,
  now = new Date(),
): Promise<void> {
  requireCaseAbility(access, 'closure', 'approve');
  await ctx.db.transaction().execute(async (trx) => {
    await lockCase(trx, access.caseId);
    await lockedProposal(trx, access.caseId, closureId);
    await trx
      .updateTable('case_closures')
      .set({
        status: 'rejected',
        decided_by: ctx.user.id,
        decided_at: now,
        decision_comment: body.comment,
      })
      .where('id', '=', closureId)
      .execute();
    await recordCaseChange(trx, ctx, access, {
      kind: 'closure_rejected',
      action: 'update',
      resourceType: 'case_closure',
      resourceId: closureId,
      details: { closureId },
    });
  });
}

export async function recordReview(
  ctx: CaseWorkContext,
  access: CaseAccess,
  reviewId: string,
  body: RecordReview,
  now = new Date(),
): Promise<number> {
  requireCaseAbility(access, 'closure', 'approve');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    const review = await trx
      .selectFrom('case_reviews')
      .selectAll()
      .where('id', '=', reviewId)
      .where('case_id', '=', access.caseId)
      .forUpdate()
      .executeTakeFirst();
    if (!review) throw new AppError('not_found');
    if (review.version !== body.version) throw staleVersion(review.version);
    if (review.status !== 'scheduled') {
      throw new AppError('validation_failed', {
        fields: [{ field: 'review.status', code: 'review_not_scheduled' }],
      });
    }

    const today = danishToday(now);
    const problems: FieldProblem[] = [];
    if (body.heldOn > today) problems.push({ field: 'body.heldOn', code: 'in_future' });
    else if (body.heldOn < addDays(review.due_on, -30)) {
      problems.push({ field: 'body.heldOn', code: 'review_too_early' });
    }
    if (body.decision === 'reopen' && body.reason === undefined) {
      problems.push({ field: 'body.reason', code: 'required' });
    }
    if (review.months === 6 && body.noLongerAtRisk === undefined) {
      problems.push({ field: 'body.noLongerAtRisk', code: 'required' });
    }
    if (review.months === 12 && body.inEducationOrWork === undefined) {
      problems.push({ field: 'body.inEducationOrWork', code: 'required' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
    if (locked.status !== 'closed' && locked.status !== 'under_review') {
      throw new AppError('validation_failed', {
        fields: [{ field: 'case.status', code: 'case_not_closed' }],
      });
    }

    const updated = await trx
      .updateTable('case_reviews')
      .set((eb) => ({
        status: body.decision === 'confirm' ? 'confirmed' : 'reopened',
        held_on: body.heldOn,
        reason: body.reason ?? null,
        no_longer_at_risk: body.noLongerAtRisk ?? null,
        in_education_or_work: body.inEducationOrWork ?? null,
        decided_by: ctx.user.id,
        decided_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', reviewId)
      .returning('version')
      .executeTakeFirstOrThrow();

    const nextStatus =
      body.decision === 'reopen' ? 'active' : locked.status === 'under_review' ? 'closed' : null;
    if (nextStatus) {
      await setCaseStatusAfterReview(trx, access.caseId, nextStatus, now);
    }
    if (body.decision === 'reopen') {
      await trx
        .updateTable('case_reviews')
        .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
        .where('case_id', '=', access.caseId)
        .where('status', '=', 'scheduled')
        .execute();
    }

    const changes: Changes = { decision: { from: null, to: body.decision } };
    if (body.noLongerAtRisk !== undefined) {
      changes.noLongerAtRisk = { from: null, to: body.noLongerAtRisk };
    }
    if (body.inEducationOrWork !== undefined) {
      changes.inEducationOrWork = { from: null, to: body.inEducationOrWork };
    }
    if (nextStatus === 'closed') changes.status = { from: locked.status, to: 'closed' };
    await recordCaseChange(trx, ctx, access, {
      kind: 'review_recorded',
      changes,
      action: 'update',
      resourceType: 'case_review',
      resourceId: reviewId,
      details: { reviewId, months: review.months, decision: body.decision },
    });
    if (body.decision === 'reopen') {
      await recordCaseChange(trx, ctx, access, {
        kind: 'reopened',
        changes: { status: { from: locked.status, to: 'active' } },
        action: 'update',
        resourceType: 'case',
        details: { reviewId, from: locked.status, to: 'active' },
      });
    }
    return updated.version;
  });
}
