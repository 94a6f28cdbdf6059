import { personalReferenceIn } from '../../../shared/personal-references.ts';
import { managerAuditEvent } from '../../platform/audit/manager-event.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import * as queries from './queries.ts';
import { ownMunicipality, toReview } from './present.ts';
import type { CreateReview, Review } from './schema.ts';

/**
 * A review of the checklist as a whole (issue 16 part 6): the day, who, a short conclusion and
 * the next review's date — the latest review's date is the checklist's, a task for the
 * coordinators when it comes. Idempotent on the client's id: the same id again answers the
 * review it made (`created: false`).
 */
export async function createReview(
  ctx: RequestContext,
  body: CreateReview,
  now = new Date(),
): Promise<{ created: boolean; review: Review }> {
  const code = ownMunicipality(ctx.user);
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await queries.reviewById(trx, code, body.id);
    if (existing) return { created: false, review: toReview(existing) };
    if (await queries.reviewIdTaken(trx, body.id)) throw new AppError('duplicate');
    const problems: FieldProblem[] = [];
    if (body.reviewedOn > today) {
      problems.push({ field: 'body.reviewedOn', code: 'implementation_date_future' });
    }
    if (body.nextReviewOn <= today) {
      problems.push({ field: 'body.nextReviewOn', code: 'implementation_next_review_future' });
    }
    if (personalReferenceIn(body.conclusion) !== null) {
      problems.push({ field: 'body.conclusion', code: 'implementation_personal_reference' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
    await queries.insertReview(trx, {
      id: body.id,
      municipality_code: code,
      reviewed_on: body.reviewedOn,
      reviewed_by: ctx.user.id,
      conclusion: body.conclusion,
      next_review_on: body.nextReviewOn,
    });
    await writeAudit(
      trx,
      ctx.keys.audit,
      managerAuditEvent(ctx, code, 'implementation_review', {
        action: 'create',
        resourceId: body.id,
        details: { nextReviewOn: body.nextReviewOn },
      }),
    );
    const review = await queries.reviewById(trx, code, body.id);
    if (!review) throw new AppError('internal');
    return { created: true, review: toReview(review) };
  });
}
