import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** What a case's closure asks of its follow-ups (this module owns case_follow_ups). */

/** Cancels the case's scheduled follow-ups as the case closes; how many. */
export async function cancelScheduledFollowUps(
  trx: Transaction<DB>,
  caseId: string,
): Promise<number> {
  const followUps = await trx
    .updateTable('case_follow_ups')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(followUps.numUpdatedRows);
}
