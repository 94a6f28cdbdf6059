import type { Kysely } from 'kysely';
import { inClaimedBatches } from '../../platform/batches.ts';
import type { DB } from '../../platform/db/schema.ts';
import { addCaseEvent, danishToday } from '../cases/chronology.ts';
import { claimExpired, markExpiryRecorded } from './queries.ts';

/**
 * The partner-access part of the case-work job (server/jobs/case-work.ts): an invitation whose
 * end date has passed (before Danish today) gets its `partner_access_expired` event in the
 * case's chronology, once (`expiry_recorded_at`). The access itself ends without the job: the
 * check compares with today at every request. Rows are claimed with `for update skip locked`.
 * Returns how many expiries it recorded.
 */
export async function runPartnerExpiryJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const today = danishToday(now);
  return inClaimedBatches(db, async (trx, limit) => {
    const claimed = await claimExpired(trx, today, limit);
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
  });
}
