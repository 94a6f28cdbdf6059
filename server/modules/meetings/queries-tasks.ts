import type { Kysely } from 'kysely';
import { inUsersArea } from '../../access/queries-records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { heldInModel } from './queries.ts';

/**
 * The caller's planned meetings starting from now until `days` on (for "Mine opgaver"): those
 * they are invited to, chair or take the notes of, in their area (police staff: their district's
 * municipalities), of the forum kinds the municipality's organisation model holds. One query.
 */
export async function upcomingMeetingsOf(
  db: Kysely<DB>,
  user: CurrentUser,
  now: Date,
  days: number,
): Promise<{ id: string; startsAt: Date }[]> {
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('forums as f', (join) =>
      join
        .onRef('f.id', '=', 'm.forum_id')
        .onRef('f.municipality_code', '=', 'm.municipality_code'),
    )
    .select(['m.id', 'm.starts_at'])
    .where(inUsersArea('m.municipality_code', user))
    .where(heldInModel)
    .where('m.status', '=', 'planned')
    .where('m.starts_at', '>=', now)
    .where('m.starts_at', '<', until)
    .where((eb) =>
      eb.or([
        eb('m.chair_user_id', '=', user.id),
        eb('m.note_taker_user_id', '=', user.id),
        eb.exists(
          eb
            .selectFrom('meeting_participants as p')
            .select('p.user_id')
            .whereRef('p.meeting_id', '=', 'm.id')
            .whereRef('p.municipality_code', '=', 'm.municipality_code')
            .where('p.user_id', '=', user.id),
        ),
      ]),
    )
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at }));
}
