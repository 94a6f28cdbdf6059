import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { cancelScheduledRows } from './queries.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read and update here matches
 * the case's key next to its id (`CaseKey`, a `CaseAccess` is one).
 */

/** What a case's closure asks of its follow-ups (this module owns case_follow_ups). */

/** Cancels the case's scheduled follow-ups as the case closes; how many. */
export async function cancelScheduledFollowUps(
  trx: Transaction<DB>,
  theCase: CaseKey,
): Promise<number> {
  return cancelScheduledRows(trx, theCase);
}
