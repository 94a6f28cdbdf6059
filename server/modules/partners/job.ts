import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { addCaseEvent, danishToday } from '../cases/chronology.ts';
import { claimExpired, markExpiryRecorded } from './queries.ts';

const BATCH_SIZE = 200;

/**
 * The partner-access part of the case-work job (server/jobs/case-work.ts): an invitation whose
 * end date has passed (before Danish today) gets its `partner_access_expired` event in the
 * case's chronology, once (`expiry_recorded_at`). The access itself ends without the job: the
 * check compares with today at every request. Rows are claimed with `for update skip locked`.
 * Returns how many expiries it recorded.
 */
export async function runPartnerExpiryJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const today = danishToday(now);
  let handled = 0;
  for (;;) {
    const claimed = await db.transaction().execute((trx) => recordBatch(trx, today, now));
    handled += claimed;
    if (claimed < BATCH_SIZE) return handled;
  }
}

async function recordBatch(trx: Transaction<DB>, today: string, now: Date): Promise<number> {
  const claimed = await claimExpired(trx, today, BATCH_SIZE);
  for (const row of claimed) {
    await addCaseEvent(trx, row.case_id, null, 'partner_access_expired', {
      endsOn: { from: null, to: row.ends_on },
    });
  }
  if (claimed.length > 0) {
    await markExpiryRecorded(
      trx,
      claimed.map((r) => r.id),
      now,
    );
  }
  return claimed.length;
}
