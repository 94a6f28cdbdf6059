import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { inUsersArea } from './queries-records.ts';
import type { CurrentUser } from './sessions.ts';

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
  /** The meeting has minutes (any version, draft or approved). */
  has_minutes: boolean;
}

/**
 * The meeting within the user's area (their municipality, or for police staff the municipalities
 * their district covers), and how the user takes part; undefined when none.
 */
export async function meetingAccessRow(
  db: Kysely<DB>,
  user: CurrentUser,
  meetingId: string,
): Promise<MeetingAccessRow | undefined> {
  const userId = user.id;
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
      eb
        .exists(
          eb
            .selectFrom('meeting_minutes as mm')
            .select('mm.id')
            .whereRef('mm.meeting_id', '=', 'm.id')
            .whereRef('mm.municipality_code', '=', 'm.municipality_code'),
        )
        .as('has_minutes'),
    ])
    .where(inUsersArea('m.municipality_code', user))
    .where('m.id', '=', meetingId)
    .executeTakeFirst() as Promise<MeetingAccessRow | undefined>;
}
