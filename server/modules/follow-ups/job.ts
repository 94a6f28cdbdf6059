import type { Kysely } from 'kysely';
import { inClaimedBatches } from '../../platform/batches.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notifyClaimedToCoordinators } from '../notifications/service.ts';
import { danishToday } from '../cases/chronology.ts';
import { claimOverdueFollowUps, markFollowUpsNotified } from './queries.ts';

/**
 * The overdue-follow-up part of the case-work job (server/jobs/case-work.ts): a scheduled
 * follow-up whose due date has passed (before Danish today) in an active case becomes a
 * `follow_up_overdue` notification for the case's coordinators, once (`notified_at`). A case on
 * hold is not chased; its follow-ups are warned about when it is resumed and they are still
 * overdue. Rows are claimed with `for update skip locked`, so two processes never warn twice.
 * Returns how many follow-ups it handled.
 */
export async function runFollowUpJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const today = danishToday(now);
  return inClaimedBatches(db, async (trx, limit) =>
    notifyClaimedToCoordinators(
      trx,
      await claimOverdueFollowUps(trx, today, limit),
      'follow_up_overdue',
      (row) => ({ followUpId: row.id }),
      (ids) => markFollowUpsNotified(trx, ids, now),
    ),
  );
}
