import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { inUsersArea } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { MeetingKey } from './queries-minutes.ts';

/**
 * The SQL of the tasks a meeting's minutes give out (meeting_minutes_tasks, 0048), and of the
 * users they are given to. Every query matches the municipality (the tenant key) besides the ids.
 */

/** The meeting's tasks, with the responsible person's name and the record's reference. */
export async function meetingTasks(db: Kysely<DB>, key: MeetingKey) {
  return db
    .selectFrom('meeting_minutes_tasks as t')
    .innerJoin('users as u', 'u.id', 't.responsible_user_id')
    .leftJoin('cases as c', (join) =>
      join.onRef('c.id', '=', 't.case_id').onRef('c.municipality_code', '=', 't.municipality_code'),
    )
    .leftJoin('inquiries as i', (join) =>
      join
        .onRef('i.id', '=', 't.inquiry_id')
        .onRef('i.municipality_code', '=', 't.municipality_code'),
    )
    .select([
      't.id',
      't.description',
      't.responsible_user_id',
      'u.display_name as responsible_name',
      't.due_on',
      't.agenda_item_id',
      't.case_id',
      't.inquiry_id',
      'c.reference as case_reference',
      'i.reference as inquiry_reference',
      't.done_at',
      't.version',
    ])
    .where('t.meeting_id', '=', key.meetingId)
    .where('t.municipality_code', '=', key.municipalityCode)
    .orderBy('t.due_on')
    .orderBy('t.created_at')
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof meetingTasks>>[number];

/**
 * The meeting a task id belongs to, in any municipality: a client id is unique across the
 * system, so one already used elsewhere is a conflict, not a new row (the answer names nothing).
 */
export async function taskMeetingOf(db: Kysely<DB>, id: string) {
  const row = await db
    .selectFrom('meeting_minutes_tasks')
    .select('meeting_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.meeting_id;
}

export async function insertTask(
  trx: Transaction<DB>,
  key: MeetingKey,
  row: {
    id: string;
    minutesId: string;
    agendaItemId: string | null;
    caseId: string | null;
    inquiryId: string | null;
    description: string;
    responsibleUserId: string;
    dueOn: string;
    userId: string;
  },
): Promise<void> {
  await trx
    .insertInto('meeting_minutes_tasks')
    .values({
      id: row.id,
      municipality_code: key.municipalityCode,
      meeting_id: key.meetingId,
      minutes_id: row.minutesId,
      agenda_item_id: row.agendaItemId,
      case_id: row.caseId,
      inquiry_id: row.inquiryId,
      description: row.description,
      responsible_user_id: row.responsibleUserId,
      due_on: row.dueOn,
      created_by: row.userId,
    })
    .execute();
}

/** Marks the task done if it is still at `version`; the new version, or undefined when stale. */
export async function markTaskDone(
  trx: Transaction<DB>,
  key: MeetingKey,
  id: string,
  version: number,
  userId: string,
): Promise<number | undefined> {
  const row = await trx
    .updateTable('meeting_minutes_tasks')
    .set({ done_at: new Date(), done_by: userId, version: sql`version + 1` })
    .where('id', '=', id)
    .where('municipality_code', '=', key.municipalityCode)
    .where('version', '=', version)
    .where('done_at', 'is', null)
    .returning('version')
    .executeTakeFirst();
  return row?.version;
}

/** An active user of the municipality (a task's responsible person), with their name. */
export async function activeUser(db: Kysely<DB>, municipalityCode: string, userId: string) {
  return db
    .selectFrom('users')
    .select(['id', 'display_name', 'roles', 'municipality_code', 'police_district_id'])
    .where('id', '=', userId)
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('municipality_code', '=', municipalityCode),
        eb(
          'police_district_id',
          '=',
          eb
            .selectFrom('municipalities')
            .select('police_district_id')
            .where('code', '=', municipalityCode),
        ),
      ]),
    )
    .executeTakeFirst();
}

/**
 * A task of `meetingId` in the user's area (their municipality, or for police staff the
 * municipalities of their district), whichever municipality held the meeting.
 */
export async function taskInArea(db: Kysely<DB>, user: CurrentUser, meetingId: string, id: string) {
  return db
    .selectFrom('meeting_minutes_tasks')
    .selectAll()
    .where('id', '=', id)
    .where('meeting_id', '=', meetingId)
    .where(inUsersArea('municipality_code', user))
    .executeTakeFirst();
}

/**
 * The open tasks a user is responsible for ("Mine opgaver"), within their area: their
 * municipality, or for police staff the municipalities of their district.
 */
export async function openTasksOf(db: Kysely<DB>, user: CurrentUser) {
  return db
    .selectFrom('meeting_minutes_tasks as t')
    .leftJoin('cases as c', (join) =>
      join.onRef('c.id', '=', 't.case_id').onRef('c.municipality_code', '=', 't.municipality_code'),
    )
    .leftJoin('inquiries as i', (join) =>
      join
        .onRef('i.id', '=', 't.inquiry_id')
        .onRef('i.municipality_code', '=', 't.municipality_code'),
    )
    .select([
      't.id',
      't.meeting_id',
      't.due_on',
      't.case_id',
      't.inquiry_id',
      'c.reference as case_reference',
      'i.reference as inquiry_reference',
    ])
    .where('t.responsible_user_id', '=', user.id)
    .where('t.done_at', 'is', null)
    .where(inUsersArea('t.municipality_code', user))
    .execute();
}
