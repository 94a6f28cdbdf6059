import {
  sql,
  type Kysely,
  type SelectQueryBuilder,
  type SqlBool,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * Meeting the citizen: the module's SQL. A row belongs to one case or one inquiry (`OwnerKey`);
 * every read matches the tenant key (`municipality_code`, db/migrations/0015) next to the
 * owner's id; inserts leave the key to the trigger, which fills it from the case or inquiry.
 */

/** The case or inquiry the rows belong to, with its municipality. */
export interface OwnerKey {
  kind: 'case' | 'inquiry';
  id: string;
  municipalityCode: string;
}

const ownerColumn = (key: OwnerKey) => (key.kind === 'case' ? 'case_id' : 'inquiry_id');

// ── Contact attempts ──────────────────────────────────────────────────────────────────────────

export interface NewAttempt {
  id: string;
  attemptedOn: string;
  channel: string;
  triedBy: string;
  bridgeBuilder: string | null;
  outcome: string;
  note: string | null;
  nextStep: string | null;
  nextOn: string | null;
  nextBy: string | null;
  recordedBy: string;
}

/** Inserts the try; undefined when a row with this id exists already (anywhere). */
export async function insertAttempt(trx: Transaction<DB>, key: OwnerKey, a: NewAttempt) {
  return trx
    .insertInto('citizen_contact_attempts')
    .values({
      id: a.id,
      case_id: key.kind === 'case' ? key.id : null,
      inquiry_id: key.kind === 'inquiry' ? key.id : null,
      attempted_on: a.attemptedOn,
      channel: a.channel,
      tried_by: a.triedBy,
      bridge_builder: a.bridgeBuilder,
      outcome: a.outcome,
      note: a.note,
      next_step: a.nextStep,
      next_on: a.nextOn,
      next_by: a.nextBy,
      recorded_by: a.recordedBy,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

function attemptsQuery(db: Kysely<DB>, key: OwnerKey) {
  return db
    .selectFrom('citizen_contact_attempts as a')
    .innerJoin('users as t', 't.id', 'a.tried_by')
    .leftJoin('users as n', 'n.id', 'a.next_by')
    .select([
      'a.id',
      'a.attempted_on',
      'a.channel',
      'a.tried_by',
      't.display_name as tried_by_name',
      'a.bridge_builder',
      'a.outcome',
      'a.note',
      'a.next_step',
      'a.next_on',
      'a.next_by',
      'n.display_name as next_by_name',
      'a.recorded_at',
    ])
    .where(`a.${ownerColumn(key)}`, '=', key.id)
    .where('a.municipality_code', '=', key.municipalityCode);
}

/** The record's tries, oldest first (the contact bar's order). */
export async function listAttempts(db: Kysely<DB>, key: OwnerKey) {
  return attemptsQuery(db, key)
    .orderBy('a.attempted_on')
    .orderBy('a.recorded_at')
    .orderBy('a.id')
    .execute();
}
export type AttemptRow = Awaited<ReturnType<typeof listAttempts>>[number];

/** One try of the record (the idempotent create's answer), or undefined. */
export async function attemptOf(db: Kysely<DB>, key: OwnerKey, id: string) {
  return attemptsQuery(db, key).where('a.id', '=', id).executeTakeFirst();
}

// ── Meetings ──────────────────────────────────────────────────────────────────────────────────

export interface PreparationValues {
  planned_on: string | null;
  purpose: string;
  expected_outcome: string | null;
  agenda: string | null;
  place: string | null;
  place_reason: string | null;
  roles: string | null;
  colleague_check_by: string | null;
  colleague_check_outcome?: string | null;
  communication_approach: string | null;
  risk_check: string;
  risk_conclusion: string | null;
  precautions: string | null;
}

export async function insertMeeting(
  trx: Transaction<DB>,
  key: OwnerKey,
  id: string,
  preparedBy: string,
  values: PreparationValues,
) {
  return trx
    .insertInto('citizen_meetings')
    .values({
      id,
      case_id: key.kind === 'case' ? key.id : null,
      inquiry_id: key.kind === 'inquiry' ? key.id : null,
      prepared_by: preparedBy,
      updated_at: new Date(),
      ...values,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

function meetingsQuery(db: Kysely<DB>, key: OwnerKey) {
  return db
    .selectFrom('citizen_meetings as m')
    .innerJoin('users as p', 'p.id', 'm.prepared_by')
    .leftJoin('users as c', 'c.id', 'm.colleague_check_by')
    .leftJoin('users as r', 'r.id', 'm.reflected_by')
    .selectAll('m')
    .select([
      'p.display_name as prepared_by_name',
      'c.display_name as colleague_check_by_name',
      'r.display_name as reflected_by_name',
    ])
    .where(`m.${ownerColumn(key)}`, '=', key.id)
    .where('m.municipality_code', '=', key.municipalityCode);
}

/** The record's meetings, newest first. */
export async function listMeetings(db: Kysely<DB>, key: OwnerKey) {
  return meetingsQuery(db, key).orderBy('m.created_at', 'desc').orderBy('m.id').execute();
}
export type MeetingRow = Awaited<ReturnType<typeof listMeetings>>[number];

/** One meeting of the record, locked for a change when `forUpdate`. */
export async function meetingOf(db: Kysely<DB>, key: OwnerKey, id: string, forUpdate = false) {
  let query = meetingsQuery(db, key).where('m.id', '=', id);
  if (forUpdate) query = query.forUpdate('m') as typeof query;
  return query.executeTakeFirst();
}

type MeetingUpdate = Omit<
  Updateable<DB['citizen_meetings']>,
  'id' | 'municipality_code' | 'version' | 'updated_at' | 'created_at'
>;

/**
 * Changes the meeting if its version is still `version` (optimistic locking) and bumps it; the
 * new version, or undefined when the row changed since (or is not the record's).
 */
export async function updateMeeting(
  trx: Transaction<DB>,
  key: OwnerKey,
  id: string,
  version: number,
  values: MeetingUpdate,
): Promise<number | undefined> {
  const row = await trx
    .updateTable('citizen_meetings')
    .set({ ...values, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where(ownerColumn(key), '=', key.id)
    .where('municipality_code', '=', key.municipalityCode)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

// ── Who may be named ──────────────────────────────────────────────────────────────────────────

/**
 * Of `userIds`, those who work on the record and may therefore be named on it (who tried, who
 * makes the next try, who did the colleague check): a case's members; for an inquiry, the
 * coordinators of its municipality and the members of the forum handling it. Disabled users are
 * never named.
 */
export async function nameableUsers(
  db: Kysely<DB>,
  key: OwnerKey,
  userIds: readonly string[],
): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  let query: SelectQueryBuilder<DB, 'users', { id: string }> = db
    .selectFrom('users')
    .select('users.id')
    .where('users.id', 'in', [...new Set(userIds)])
    .where('users.disabled_at', 'is', null);
  if (key.kind === 'case') {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('case_members as cm')
          .select(sql`1`.as('one'))
          .whereRef('cm.user_id', '=', 'users.id')
          .where('cm.case_id', '=', key.id)
          .where('cm.municipality_code', '=', key.municipalityCode),
      ),
    );
  } else {
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('users.municipality_code', '=', key.municipalityCode),
          sql<SqlBool>`'coordinator' = any(users.roles)`,
        ]),
        eb.exists(
          eb
            .selectFrom('forum_members as fm')
            .innerJoin('inquiries as i', 'i.forum_id', 'fm.forum_id')
            .select(sql`1`.as('one'))
            .whereRef('fm.user_id', '=', 'users.id')
            .where('i.id', '=', key.id)
            .where('i.municipality_code', '=', key.municipalityCode),
        ),
      ]),
    );
  }
  const rows = await query.execute();
  return new Set(rows.map((r) => r.id));
}

/** The case's citizen (the summary is written to them), or undefined for a case without one. */
export async function caseCitizen(
  db: Kysely<DB>,
  theCase: { caseId: string; municipalityCode: string },
) {
  return casePersonsOf(db, theCase)
    .select(['p.id', 'p.given_name', 'p.family_name'])
    .where('cp.role', '=', 'citizen')
    .orderBy('p.family_name')
    .executeTakeFirst();
}

/** The case's reference (for the document's header), within its municipality. */
export async function caseReference(
  db: Kysely<DB>,
  theCase: { caseId: string; municipalityCode: string },
) {
  const row = await db
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
  return row?.reference;
}
