import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of the minutes (db/migrations/0048): versions, items, attendance and tasks. Every query
 * matches the meeting's municipality (the tenant key) besides the ids.
 */

export interface MeetingKey {
  meetingId: string;
  municipalityCode: string;
}

/** The meeting's heading: forum, type, time, place, chair. */
export async function meetingHeading(db: Kysely<DB>, key: MeetingKey) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('forums as f', (join) =>
      join
        .onRef('f.id', '=', 'm.forum_id')
        .onRef('f.municipality_code', '=', 'm.municipality_code'),
    )
    .select([
      'm.id',
      'm.meeting_type',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.status',
      'm.chair_user_id',
      'f.name as forum_name',
      'f.kind as forum_kind',
    ])
    .where('m.id', '=', key.meetingId)
    .where('m.municipality_code', '=', key.municipalityCode)
    .executeTakeFirst();
}

/** The meeting's agenda items in order, with the reference of the record each names. */
export async function agendaItems(db: Kysely<DB>, key: MeetingKey) {
  return db
    .selectFrom('meeting_agenda_items as a')
    .leftJoin('cases as c', (join) =>
      join.onRef('c.id', '=', 'a.case_id').onRef('c.municipality_code', '=', 'a.municipality_code'),
    )
    .leftJoin('inquiries as i', (join) =>
      join
        .onRef('i.id', '=', 'a.inquiry_id')
        .onRef('i.municipality_code', '=', 'a.municipality_code'),
    )
    .select([
      'a.id',
      'a.position',
      'a.kind',
      'a.case_id',
      'a.inquiry_id',
      'a.title',
      'a.due_on',
      'c.reference as case_reference',
      'i.reference as inquiry_reference',
    ])
    .where('a.meeting_id', '=', key.meetingId)
    .where('a.municipality_code', '=', key.municipalityCode)
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
}
export type AgendaItemRow = Awaited<ReturnType<typeof agendaItems>>[number];

const minutesColumns = [
  'mm.id',
  'mm.version_no',
  'mm.status',
  'mm.correction_reason',
  'mm.approved_at',
  'mm.no_personal_data_confirmed_at',
  'mm.version',
  'mm.created_at',
  'mm.attendance',
  'approver.display_name as approved_by_name',
  'confirmer.display_name as confirmed_by_name',
] as const;

/** Every version of the meeting's minutes, the newest first. */
export async function minutesVersions(db: Kysely<DB>, key: MeetingKey) {
  return db
    .selectFrom('meeting_minutes as mm')
    .leftJoin('users as approver', 'approver.id', 'mm.approved_by')
    .leftJoin('users as confirmer', 'confirmer.id', 'mm.no_personal_data_confirmed_by')
    .select(minutesColumns)
    .where('mm.meeting_id', '=', key.meetingId)
    .where('mm.municipality_code', '=', key.municipalityCode)
    .orderBy('mm.version_no', 'desc')
    .execute();
}
export type MinutesRow = Awaited<ReturnType<typeof minutesVersions>>[number];

/** The latest version, locked for a change (changes to one meeting's minutes run one at a time). */
export async function lockLatestMinutes(trx: Transaction<DB>, key: MeetingKey) {
  return trx
    .selectFrom('meeting_minutes')
    .select(['id', 'version_no', 'status', 'version'])
    .where('meeting_id', '=', key.meetingId)
    .where('municipality_code', '=', key.municipalityCode)
    .orderBy('version_no', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
}

export async function minutesById(db: Kysely<DB>, key: MeetingKey, id: string) {
  return db
    .selectFrom('meeting_minutes')
    .select(['id', 'meeting_id', 'version_no', 'status', 'version'])
    .where('id', '=', id)
    .where('municipality_code', '=', key.municipalityCode)
    .executeTakeFirst();
}

export async function insertMinutes(
  trx: Transaction<DB>,
  key: MeetingKey,
  row: { id: string; versionNo: number; correctionReason: string | null; userId: string },
): Promise<void> {
  await trx
    .insertInto('meeting_minutes')
    .values({
      id: row.id,
      municipality_code: key.municipalityCode,
      meeting_id: key.meetingId,
      version_no: row.versionNo,
      correction_reason: row.correctionReason,
      created_by: row.userId,
    })
    .execute();
}

/** Bumps the version of a draft; the new version. */
export async function touchMinutes(trx: Transaction<DB>, key: MeetingKey, id: string) {
  const row = await trx
    .updateTable('meeting_minutes')
    .set({ version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .where('municipality_code', '=', key.municipalityCode)
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

export async function approveMinutesRow(
  trx: Transaction<DB>,
  key: MeetingKey,
  id: string,
  userId: string,
  confirmedNoPersonalData: boolean,
  present: Attendance,
): Promise<void> {
  const now = new Date();
  await trx
    .updateTable('meeting_minutes')
    .set({
      status: 'approved',
      // Who was present is part of the approved version (0051).
      attendance: JSON.stringify(present),
      approved_by: userId,
      approved_at: now,
      ...(confirmedNoPersonalData && {
        no_personal_data_confirmed_by: userId,
        no_personal_data_confirmed_at: now,
      }),
      version: sql`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .where('municipality_code', '=', key.municipalityCode)
    .execute();
}

export async function minutesItems(db: Kysely<DB>, key: MeetingKey, minutesId: string) {
  return db
    .selectFrom('meeting_minutes_items')
    .select([
      'agenda_item_id',
      'assessed',
      'decision',
      'action_kind',
      'action_resource_id',
      'acted_at',
    ])
    .where('minutes_id', '=', minutesId)
    .where('municipality_code', '=', key.municipalityCode)
    .execute();
}
export type MinutesItemRow = Awaited<ReturnType<typeof minutesItems>>[number];

/** Writes an item's text (and, once, the action it took); other fields are kept. */
export async function upsertMinutesItem(
  trx: Transaction<DB>,
  key: MeetingKey,
  minutesId: string,
  agendaItemId: string,
  userId: string,
  values: {
    assessed?: string | null;
    decision?: string | null;
    action?: { kind: string; resourceId: string };
  },
): Promise<void> {
  const now = new Date();
  const set = {
    ...(values.assessed !== undefined && { assessed: values.assessed }),
    ...(values.decision !== undefined && { decision: values.decision }),
    ...(values.action && {
      action_kind: values.action.kind,
      action_resource_id: values.action.resourceId,
      acted_by: userId,
      acted_at: now,
    }),
    updated_by: userId,
    updated_at: now,
  };
  await trx
    .insertInto('meeting_minutes_items')
    .values({
      minutes_id: minutesId,
      agenda_item_id: agendaItemId,
      municipality_code: key.municipalityCode,
      ...set,
    })
    .onConflict((oc) => oc.columns(['minutes_id', 'agenda_item_id']).doUpdateSet(set))
    .execute();
}

/** A correction starts as a copy of the version before it. */
export async function copyMinutesItems(
  trx: Transaction<DB>,
  key: MeetingKey,
  fromId: string,
  toId: string,
  userId: string,
): Promise<void> {
  await sql`insert into meeting_minutes_items
      (minutes_id, agenda_item_id, municipality_code, assessed, decision, action_kind,
       action_resource_id, acted_by, acted_at, updated_by)
    select ${toId}, agenda_item_id, municipality_code, assessed, decision, action_kind,
       action_resource_id, acted_by, acted_at, ${userId}
      from meeting_minutes_items
     where minutes_id = ${fromId} and municipality_code = ${key.municipalityCode}`.execute(trx);
}

/** Who was invited, and whether they attended (recorded in the minutes). */
export async function attendance(db: Kysely<DB>, key: MeetingKey) {
  const participants = await db
    .selectFrom('meeting_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['p.user_id', 'u.display_name', 'p.kind', 'p.agenda_item_id', 'p.attended'])
    .where('p.meeting_id', '=', key.meetingId)
    .where('p.municipality_code', '=', key.municipalityCode)
    .orderBy('u.display_name')
    .execute();
  const guests = await db
    .selectFrom('meeting_external_guests')
    .select(['id', 'name', 'organisation', 'agenda_item_id', 'attended'])
    .where('meeting_id', '=', key.meetingId)
    .where('municipality_code', '=', key.municipalityCode)
    .orderBy('name')
    .execute();
  return { participants, guests };
}

export type Attendance = Awaited<ReturnType<typeof attendance>>;

/** The attendance a version shows: its own copy once approved, else the invitation rows. */
export async function attendanceOf(
  db: Kysely<DB>,
  key: MeetingKey,
  version: { attendance: unknown } | undefined,
): Promise<Attendance> {
  const stored = version?.attendance as Attendance | null | undefined;
  return stored ?? attendance(db, key);
}

export async function setAttended(
  trx: Transaction<DB>,
  key: MeetingKey,
  participants: { userId: string; attended: boolean | null }[],
  guests: { id: string; attended: boolean | null }[],
): Promise<number> {
  let changed = 0;
  for (const p of participants) {
    const result = await trx
      .updateTable('meeting_participants')
      .set({ attended: p.attended })
      .where('meeting_id', '=', key.meetingId)
      .where('municipality_code', '=', key.municipalityCode)
      .where('user_id', '=', p.userId)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  for (const g of guests) {
    const result = await trx
      .updateTable('meeting_external_guests')
      .set({ attended: g.attended })
      .where('meeting_id', '=', key.meetingId)
      .where('municipality_code', '=', key.municipalityCode)
      .where('id', '=', g.id)
      .executeTakeFirst();
    changed += Number(result.numUpdatedRows);
  }
  return changed;
}
