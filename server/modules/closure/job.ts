import { moveClosedCaseToReview } from '../cases/queries-case-rows.ts';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { addCaseEvent, danishToday } from '../cases/chronology.ts';
import { claimDueReviews, markReviewNotified } from './queries-writes.ts';

/**
 * The re-review part of the case-work job (server/jobs/case-work.ts): every scheduled re-review
 * whose date has come (Danish today of `now`) and that has not been announced yet moves its case
 * from "closed" to "under re-review" (a status_changed event by the system, actor null) and
 * becomes a notification for the case's coordinators. Rows are claimed with
 * `for update skip locked` and marked (`notified_at`) in the same transaction, so two processes
 * never announce a review twice. Returns how many it handled.
 */
const BATCH_SIZE = 200;

export async function runReviewJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  let handled = 0;
  for (;;) {
    const batch = await db.transaction().execute((trx) => announceBatch(trx, now));
    handled += batch;
    if (batch < BATCH_SIZE) return handled;
  }
}

async function announceBatch(trx: Transaction<DB>, now: Date): Promise<number> {
  const today = danishToday(now);
  const due = await claimDueReviews(trx, today, BATCH_SIZE);
  for (const review of due) {
    const moved = await moveClosedCaseToReview(
      trx,
      { caseId: review.case_id, municipalityCode: review.municipality_code },
      now,
    );
    if (moved) {
      // The system's own event: no actor.
      await addCaseEvent(trx, review.case_id, null, 'status_changed', {
        status: { from: 'closed', to: 'under_review' },
      });
    }
    await notifyCaseCoordinators(
      trx,
      { caseId: review.case_id, municipalityCode: review.municipality_code },
      'review_due',
      { reviewId: review.id },
    );
    await markReviewNotified(trx, review, now);
  }
  return due.length;
}
