import type { RequestContext } from '../../platform/context.ts';
import { setCaseStatusAfterReview } from '../cases/queries-case-rows.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import { inCaseTransaction, recordCaseChange, staleVersion } from '../cases/case-work.ts';
import { danishToday, type Changes } from '../cases/chronology.ts';
import { addDays } from './dates.ts';
import { cancelScheduledReviews, lockReviewRow, saveReview } from './queries-writes.ts';
import type { RecordReview } from './schema.ts';

/**
 * Re-review of a closed case (6 and 12 months after closure): it confirms the closure or reopens
 * the case with a reason, and records the outcome fields of the effect goals (no longer at risk
 * at 6 months; in education or work at 12).
 */
export async function recordReview(
  ctx: RequestContext,
  access: CaseAccess,
  reviewId: string,
  body: RecordReview,
  now = new Date(),
): Promise<number> {
  return inCaseTransaction(ctx, access, 'closure', 'approve', async (trx, locked) => {
    const review = await lockReviewRow(trx, access, reviewId);
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

    const updatedVersion = await saveReview(trx, access, reviewId, {
      status: body.decision === 'confirm' ? 'confirmed' : 'reopened',
      held_on: body.heldOn,
      reason: body.reason ?? null,
      no_longer_at_risk: body.noLongerAtRisk ?? null,
      in_education_or_work: body.inEducationOrWork ?? null,
      decided_by: ctx.user.id,
      decided_at: now,
    });

    const nextStatus =
      body.decision === 'reopen' ? 'active' : locked.status === 'under_review' ? 'closed' : null;
    if (nextStatus) {
      await setCaseStatusAfterReview(trx, access, nextStatus, now);
    }
    if (body.decision === 'reopen') {
      await cancelScheduledReviews(trx, access);
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
    return updatedVersion;
  });
}
