import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The re-review part of the case-work job (server/jobs/case-work.ts); returns how many it handled. */
export async function runReviewJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  void db;
  void now;
  return 0;
}
