import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

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
  const followUps = await trx
    .updateTable('case_follow_ups')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(followUps.numUpdatedRows);
}
