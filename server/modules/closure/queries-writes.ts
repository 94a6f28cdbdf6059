import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addMonths } from './dates.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 * Exceptions: `closureById` looks an id up in every case, to refuse a client-made id already
 * used elsewhere (it returns the id's case and status, nothing else); `claimDueReviews` is the
 * job's claim in every municipality (the mark then matches each row's own key).
 */

/** The closure module's writes (and the reads they lock): case_closures and case_reviews. */

/** A closure by its (client-made) id, in any case. */
export async function closureById(trx: Transaction<DB>, id: string) {
  return trx
    .selectFrom('case_closures')
    .select(['id', 'case_id', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The id of the case's proposal awaiting a decision, if any. */
export async function pendingClosureId(
  trx: Transaction<DB>,
  theCase: CaseKey,
): Promise<string | undefined> {
  const pending = await trx
    .selectFrom('case_closures')
    .select('id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'proposed')
    .executeTakeFirst();
  return pending?.id;
}

export async function insertClosure(
  trx: Transaction<DB>,
  values: {
    id?: string;
    case_id: string;
    outcome: string;
    transferred_unit_id: string | null;
    outcome_other: string | null;
    reason: string;
    goal_statuses: string;
    intervention_dispositions: string;
    proposed_by: string;
  },
): Promise<string> {
  const row = await trx
    .insertInto('case_closures')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The case's closure, locked for the transaction. */
export async function lockClosureRow(trx: Transaction<DB>, theCase: CaseKey, closureId: string) {
  return trx
    .selectFrom('case_closures')
    .selectAll()
    .where('id', '=', closureId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** Records the coordinator's decision on the case's closure: approved, or rejected with a comment. */
export async function markClosureDecided(
  trx: Transaction<DB>,
  theCase: CaseKey,
  closureId: string,
  decision: { status: 'approved' } | { status: 'rejected'; decision_comment: string },
  userId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('case_closures')
    .set({ ...decision, decided_by: userId, decided_at: now })
    .where('id', '=', closureId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .execute();
}

/** Schedules the re-reviews 6 and 12 months after `today`. */
export async function scheduleReviews(
  trx: Transaction<DB>,
  theCase: CaseKey,
  closureId: string,
  today: string,
): Promise<void> {
  await trx
    .insertInto('case_reviews')
    .values(
      [6, 12].map((months) => ({
        case_id: theCase.caseId,
        closure_id: closureId,
        months,
        due_on: addMonths(today, months),
      })),
    )
    .execute();
}

/** The case's re-review, locked for the transaction. */
export async function lockReviewRow(trx: Transaction<DB>, theCase: CaseKey, reviewId: string) {
  return trx
    .selectFrom('case_reviews')
    .selectAll()
    .where('id', '=', reviewId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** Records a held re-review; its new version. */
export async function saveReview(
  trx: Transaction<DB>,
  theCase: CaseKey,
  reviewId: string,
  values: {
    status: 'confirmed' | 'reopened';
    held_on: string;
    reason: string | null;
    no_longer_at_risk: boolean | null;
    in_education_or_work: boolean | null;
    decided_by: string;
    decided_at: Date;
  },
): Promise<number> {
  const updated = await trx
    .updateTable('case_reviews')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', reviewId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .returning('version')
    .executeTakeFirstOrThrow();
  return updated.version;
}

/** Cancels the case's scheduled re-reviews (the case reopened). */
export async function cancelScheduledReviews(
  trx: Transaction<DB>,
  theCase: CaseKey,
): Promise<void> {
  await trx
    .updateTable('case_reviews')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'scheduled')
    .execute();
}

/**
 * The re-review job's claim, across municipalities: up to `limit` scheduled re-reviews due on or
 * before `today` and not announced yet (`for update skip locked`), due date first.
 */
export async function claimDueReviews(trx: Transaction<DB>, today: string, limit: number) {
  return trx
    .selectFrom('case_reviews')
    .select(['id', 'case_id', 'municipality_code'])
    .where('status', '=', 'scheduled')
    .where('due_on', '<=', today)
    .where('notified_at', 'is', null)
    .orderBy('due_on')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Marks a re-review as announced. */
export async function markReviewNotified(
  trx: Transaction<DB>,
  review: { id: string; municipality_code: string },
  now: Date,
): Promise<void> {
  await trx
    .updateTable('case_reviews')
    .set({ notified_at: now })
    .where('id', '=', review.id)
    .where('municipality_code', '=', review.municipality_code)
    .execute();
}
