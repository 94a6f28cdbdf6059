import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { cancelScheduledAndOpenOffers } from './queries-offers.ts';
import { endInterventionRows, interventionIdsWithStatus } from './queries-writes.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read and update here matches
 * the case's key next to its id (`CaseKey`, a `CaseAccess` is one).
 */

/**
 * What a case's closure asks of its interventions and offers (this module owns case_interventions
 * and case_offers; closure never writes them itself).
 */

const OPEN_INTERVENTIONS = ['planned', 'active', 'paused'] as const;

/** The ids of the case's open interventions (planned, active or paused). */
export async function openInterventionIds(
  trx: Transaction<DB>,
  theCase: CaseKey,
): Promise<string[]> {
  const rows = await interventionIdsWithStatus(trx, theCase, OPEN_INTERVENTIONS);
  return rows.map((r) => r.id);
}

/**
 * Ends the given interventions as the case closes: never started, cancelled; otherwise ended
 * `today` (not before it started). `end_reason` stays null.
 */
export async function endInterventions(
  trx: Transaction<DB>,
  theCase: CaseKey,
  ids: string[],
  today: string,
  now: Date,
): Promise<void> {
  if (ids.length === 0) return;
  await endInterventionRows(trx, theCase, ids, today, now);
}

/**
 * Cancels the case's scheduled and open offers as the case closes; how many. A renewal never
 * made keeps no offer date: it was cancelled before it was made.
 */
export async function cancelOpenOffers(trx: Transaction<DB>, theCase: CaseKey): Promise<number> {
  return cancelScheduledAndOpenOffers(trx, theCase);
}
