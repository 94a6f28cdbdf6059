import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The meetings module's SQL for changes made to a forum (forum-members.ts). */

/** The forum has meetings (any status): its kind then no longer changes. */
export async function forumHasMeetings(
  db: Kysely<DB>,
  municipalityCode: string,
  forumId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('meetings')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('forum_id', '=', forumId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The forum's meetings not yet held in which the user takes part as a member, chair or
 * note-taker: planned, starting later than now, without minutes. Locked for the change.
 */
export async function comingMeetingsOf(
  trx: Transaction<DB>,
  municipalityCode: string,
  forumId: string,
  userId: string,
): Promise<{ id: string; version: number; member: boolean }[]> {
  const rows = await trx
    .selectFrom('meetings as m')
    .select((eb) => [
      'm.id',
      'm.version',
      eb
        .exists(
          eb
            .selectFrom('meeting_participants as p')
            .select('p.user_id')
            .whereRef('p.meeting_id', '=', 'm.id')
            .where('p.user_id', '=', userId)
            .where('p.kind', '=', 'member'),
        )
        .as('member'),
    ])
    .where('m.municipality_code', '=', municipalityCode)
    .where('m.forum_id', '=', forumId)
    .where('m.status', '=', 'planned')
    .where('m.starts_at', '>', sql<Date>`now()`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('meeting_minutes as mm')
            .select('mm.id')
            .whereRef('mm.meeting_id', '=', 'm.id'),
        ),
      ),
    )
    .where((eb) =>
      eb.or([
        eb('m.chair_user_id', '=', userId),
        eb('m.note_taker_user_id', '=', userId),
        eb.exists(
          eb
            .selectFrom('meeting_participants as q')
            .select('q.user_id')
            .whereRef('q.meeting_id', '=', 'm.id')
            .where('q.user_id', '=', userId)
            .where('q.kind', '=', 'member'),
        ),
      ]),
    )
    .orderBy('m.id')
    .forUpdate('m')
    .execute();
  return rows.map((r) => ({ id: r.id, version: r.version, member: Boolean(r.member) }));
}

/** Takes the user out of these meetings: their member invitation, the chair and note-taker. */
export async function withdrawFromMeetings(
  trx: Transaction<DB>,
  municipalityCode: string,
  meetingIds: string[],
  userId: string,
): Promise<void> {
  if (meetingIds.length === 0) return;
  await trx
    .deleteFrom('meeting_participants')
    .where('municipality_code', '=', municipalityCode)
    .where('meeting_id', 'in', meetingIds)
    .where('user_id', '=', userId)
    .where('kind', '=', 'member')
    .execute();
  await trx
    .updateTable('meetings')
    .set((eb) => ({
      chair_user_id: eb
        .case()
        .when('chair_user_id', '=', userId)
        .then(sql<null>`null`)
        .else(eb.ref('chair_user_id'))
        .end(),
      note_taker_user_id: eb
        .case()
        .when('note_taker_user_id', '=', userId)
        .then(sql<null>`null`)
        .else(eb.ref('note_taker_user_id'))
        .end(),
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', meetingIds)
    .execute();
}
