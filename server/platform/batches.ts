import type { Kysely, Transaction } from 'kysely';
import type { DB } from './db/schema.ts';

/** Rows a time-driven job claims per transaction. */
export const JOB_BATCH_SIZE = 200;

/**
 * The loop every time-driven part of a job shares: `batch` claims up to `limit` rows (with
 * `for update skip locked`, so two processes never handle one twice), handles them and marks
 * them, all in one transaction; the next transaction takes the next batch. A short batch means
 * nothing is left, or the rest is locked by another process. Returns how many rows it handled.
 */
export async function inClaimedBatches(
  db: Kysely<DB>,
  batch: (trx: Transaction<DB>, limit: number) => Promise<number>,
): Promise<number> {
  let handled = 0;
  for (;;) {
    const claimed = await db.transaction().execute((trx) => batch(trx, JOB_BATCH_SIZE));
    handled += claimed;
    if (claimed < JOB_BATCH_SIZE) return handled;
  }
}
