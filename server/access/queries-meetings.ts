import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';

/** Need-to-know's SQL for meetings (see meeting-access.ts): the meeting and the caller's place in it. */

export interface MeetingAccessRow {
  id: string;
  municipality_code: string;
  forum_id: string;
  forum_kind: string;
  meeting_type: string;
  status: string;
  chair_user_id: string | null;
  note_taker_user_id: string | null;
  version: number;
  /** The caller sits in the meeting's forum. */
  forum_member: boolean;
  /** The caller's invitation: member, guest, or null. */
  participant_kind: string | null;
  /** The agenda item the caller is invited to as a guest (one invitation per meeting and user). */
  guest_item_id: string | null;
}

/** The meeting within the municipality, and how the user takes part; undefined when none. */
export async function meetingAccessRow(
  db: Kysely<DB>,
  municipalityCode: string,
  meetingId: string,
  userId: string,
): Promise<MeetingAccessRow | undefined> {
  return db
    .selectFrom('meetings as m')
    .innerJoin('forums as f', (join) =>
      join
        .onRef('f.id', '=', 'm.forum_id')
        .onRef('f.municipality_code', '=', 'm.municipality_code'),
    )
    .select((eb) => [
      'm.id',
      'm.municipality_code',
      'm.forum_id',
      'f.kind as forum_kind',
      'm.meeting_type',
      'm.status',
      'm.chair_user_id',
      'm.note_taker_user_id',
      'm.version',
      eb
        .exists(
          eb
            .selectFrom('forum_members as fm')
            .select('fm.user_id')
            .whereRef('fm.forum_id', '=', 'm.forum_id')
            .where('fm.user_id', '=', userId),
        )
        .as('forum_member'),
      eb
        .selectFrom('meeting_participants as p')
        .select('p.kind')
        .whereRef('p.meeting_id', '=', 'm.id')
        .where('p.user_id', '=', userId)
        .as('participant_kind'),
      eb
        .selectFrom('meeting_participants as g')
        .select('g.agenda_item_id')
        .whereRef('g.meeting_id', '=', 'm.id')
        .where('g.user_id', '=', userId)
        .where('g.kind', '=', 'guest')
        .as('guest_item_id'),
    ])
    .where('m.municipality_code', '=', municipalityCode)
    .where('m.id', '=', meetingId)
    .executeTakeFirst() as Promise<MeetingAccessRow | undefined>;
}
