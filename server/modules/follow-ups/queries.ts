import type { Kysely, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { refreshNextFollowUp } from '../cases/queries-case-rows.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 * Exception: the overdue job claims follow-ups in every municipality (`claimOverdueFollowUps`)
 * and marks the rows it claimed by their ids (`markFollowUpsNotified`).
 */

/**
 * The follow-up module's SQL: every read and write of case_follow_ups goes through here. Every
 * write that may change which follow-ups are scheduled (insert, record, cancel) ends by asking
 * the cases module to recompute the case's next due follow-up (`cases.next_follow_up_due`, 0030)
 * in the same transaction, so the overview's sort and overdue filter never drift from the rows.
 */

/** Every follow-up of the case with the recorder's name, in due order. */
export async function followUpRows(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_follow_ups as f')
    .leftJoin('users as u', 'u.id', 'f.recorded_by')
    .select([
      'f.id',
      'f.plan_id',
      'f.due_on',
      'f.status',
      'f.held_on',
      'f.concern_level',
      'f.concern_change',
      'f.summary',
      'f.goal_progress',
      'f.competences',
      'f.recorded_by',
      'u.display_name',
      'f.recorded_at',
      'f.backdate_reason',
      'f.backdate_note',
      'f.version',
    ])
    .where('f.case_id', '=', theCase.caseId)
    .where('f.municipality_code', '=', theCase.municipalityCode)
    .orderBy('f.due_on')
    .orderBy('f.created_at')
    .orderBy('f.id')
    .execute();
}

/** The case's current concern level as stored. */
export async function caseConcernLevel(db: Kysely<DB>, theCase: CaseKey) {
  const level = await db
    .selectFrom('cases')
    .select('concern_level')
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
  return level?.concern_level;
}

/**
 * The concern level each final assessment of the case set, with when it was finalised, oldest
 * first (a read of the assessments' table for the concern-level series; they write it).
 */
export async function assessmentConcernLevels(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_assessments')
    .select(['finalised_at', 'concern_level'])
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '<>', 'draft')
    .where('concern_level', 'is not', null)
    .orderBy('finalised_at')
    .execute();
}

/** A new scheduled follow-up of the case due on `due_on`; its id and version. */
export async function insertFollowUp(
  trx: Transaction<DB>,
  theCase: CaseKey,
  values: { id?: string; due_on: string },
): Promise<{ id: string; version: number }> {
  const row = await trx
    .insertInto('case_follow_ups')
    .values({ ...values, case_id: theCase.caseId })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await refreshNextFollowUp(trx, theCase);
  return row;
}

/**
 * Stores one follow-up's new status: held (`done`, with its record) or `cancelled`; its new
 * version.
 */
export async function updateFollowUpRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  followUpId: string,
  values:
    | {
        status: 'done';
        held_on: string;
        concern_level: string;
        concern_change: string | null;
        summary: string | null;
        goal_progress: string;
        competences: string | null;
        recorded_by: string;
        recorded_at: Date;
        backdate_reason: string | null;
        backdate_note: string | null;
      }
    | { status: 'cancelled' },
): Promise<number> {
  const updated = await trx
    .updateTable('case_follow_ups')
    .set((eb) => ({ ...values, version: eb('version', '+', 1) }))
    .where('id', '=', followUpId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .returning('version')
    .executeTakeFirstOrThrow();
  await refreshNextFollowUp(trx, theCase);
  return updated.version;
}

/** Whether the case has a follow-up held after `heldOn`. */
export async function heldLater(
  trx: Transaction<DB>,
  theCase: CaseKey,
  heldOn: string,
): Promise<boolean> {
  const later = await trx
    .selectFrom('case_follow_ups')
    .select('id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'done')
    .where('held_on', '>', heldOn)
    .limit(1)
    .executeTakeFirst();
  return later !== undefined;
}

/** The case's follow-up, locked for the transaction. */
export async function lockFollowUpRow(trx: Transaction<DB>, theCase: CaseKey, followUpId: string) {
  return trx
    .selectFrom('case_follow_ups')
    .select(['id', 'status', 'due_on', 'version'])
    .where('id', '=', followUpId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** New scheduled follow-ups of the case from a plan. */
export async function insertFollowUps(
  trx: Transaction<DB>,
  theCase: CaseKey,
  values: { plan_id: string; due_on: string }[],
): Promise<void> {
  await trx
    .insertInto('case_follow_ups')
    .values(values.map((v) => ({ ...v, case_id: theCase.caseId })))
    .execute();
  await refreshNextFollowUp(trx, theCase);
}

/** Cancels the case's scheduled follow-ups (given `dueFrom`: those due then or later); how many. */
export async function cancelScheduledRows(
  trx: Transaction<DB>,
  theCase: CaseKey,
  dueFrom?: string,
): Promise<number> {
  let cancel = trx
    .updateTable('case_follow_ups')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'scheduled');
  if (dueFrom !== undefined) cancel = cancel.where('due_on', '>=', dueFrom);
  const cancelled = await cancel.executeTakeFirst();
  const count = Number(cancelled.numUpdatedRows);
  if (count > 0) await refreshNextFollowUp(trx, theCase);
  return count;
}

/**
 * The overdue job's claim, across municipalities: up to `limit` scheduled follow-ups due before
 * `today`, not announced yet, of an active case (`for update skip locked`), due date first.
 */
export async function claimOverdueFollowUps(trx: Transaction<DB>, today: string, limit: number) {
  return trx
    .selectFrom('case_follow_ups as f')
    .select(['f.id', 'f.case_id', 'f.municipality_code'])
    .where('f.status', '=', 'scheduled')
    .where('f.due_on', '<', today)
    .where('f.notified_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases as c')
          .select('c.id')
          .whereRef('c.id', '=', 'f.case_id')
          .whereRef('c.municipality_code', '=', 'f.municipality_code')
          .where('c.status', '=', 'active'),
      ),
    )
    .orderBy('f.due_on')
    .orderBy('f.id')
    .limit(limit)
    .forUpdate('f')
    .skipLocked()
    .execute();
}

/** Marks the claimed follow-ups (by id) as announced. */
export async function markFollowUpsNotified(
  trx: Transaction<DB>,
  followUpIds: string[],
  now: Date,
): Promise<void> {
  await trx
    .updateTable('case_follow_ups')
    .set({ notified_at: now })
    .where('id', 'in', followUpIds)
    .execute();
}
