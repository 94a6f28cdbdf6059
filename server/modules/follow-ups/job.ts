import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { danishToday } from '../cases/chronology.ts';
import { claimOverdueFollowUps, markFollowUpsNotified } from './queries.ts';

const BATCH_SIZE = 200;

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
  let handled = 0;
  for (;;) {
    const claimed = await db.transaction().execute((trx) => warnBatch(trx, today, now));
    handled += claimed;
    // A short batch means nothing is left (or the rest is locked by another process).
    if (claimed < BATCH_SIZE) return handled;
  }
}

async function warnBatch(trx: Transaction<DB>, today: string, now: Date): Promise<number> {
  const claimed = await claimOverdueFollowUps(trx, today, BATCH_SIZE);
  for (const row of claimed) {
    await notifyCaseCoordinators(
      trx,
      { caseId: row.case_id, municipalityCode: row.municipality_code },
      'follow_up_overdue',
      { followUpId: row.id },
    );
  }
  if (claimed.length > 0) {
    await markFollowUpsNotified(
      trx,
      claimed.map((r) => r.id),
      now,
    );
  }
  return claimed.length;
}
