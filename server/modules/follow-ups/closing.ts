import type { Kysely, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { cancelScheduledRows, followUpRows } from './queries.ts';

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

/** The case's held follow-ups in the order they were held (the case summary's section). */
export async function heldFollowUps(
  db: Kysely<DB>,
  theCase: CaseKey,
): Promise<{ heldOn: string; concernLevel: string | null; concernChange: string | null }[]> {
  const rows = await followUpRows(db, theCase);
  return rows
    .flatMap((f) =>
      f.status === 'done' && f.held_on !== null
        ? [{ heldOn: f.held_on, concernLevel: f.concern_level, concernChange: f.concern_change }]
        : [],
    )
    .sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
}
