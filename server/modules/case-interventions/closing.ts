import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * What a case's closure asks of its interventions and offers (this module owns case_interventions
 * and case_offers; closure never writes them itself).
 */

const OPEN_INTERVENTIONS = ['planned', 'active', 'paused'] as const;

/** The ids of the case's open interventions (planned, active or paused). */
export async function openInterventionIds(trx: Transaction<DB>, caseId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('case_interventions')
    .select('id')
    .where('case_id', '=', caseId)
    .where('status', 'in', OPEN_INTERVENTIONS)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Ends the given interventions as the case closes: never started, cancelled; otherwise ended
 * `today` (not before it started). `end_reason` stays null.
 */
export async function endInterventions(
  trx: Transaction<DB>,
  ids: string[],
  today: string,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await trx
    .updateTable('case_interventions')
    .set((eb) => ({
      status: sql<string>`case when ${eb.ref('status')} = 'planned' then 'cancelled' else 'ended' end`,
      ends_on: sql<string>`case when ${eb.ref('starts_on')} > ${today}::date then ${eb.ref('starts_on')} else ${today}::date end`,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .execute();
}

/**
 * Cancels the case's scheduled and open offers as the case closes; how many. A renewal never
 * made keeps no offer date: it was cancelled before it was made.
 */
export async function cancelOpenOffers(trx: Transaction<DB>, caseId: string): Promise<number> {
  const offers = await trx
    .updateTable('case_offers')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', caseId)
    .where('status', 'in', ['scheduled', 'open'])
    .executeTakeFirst();
  return Number(offers.numUpdatedRows);
}
