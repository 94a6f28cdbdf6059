import type { Kysely } from 'kysely';
import { forumKindHoldsMeetings, ForumKindSchema } from '../../../shared/meetings.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { organisationModel } from './queries.ts';

/**
 * The caller's planned meetings starting from now until `days` on (for "Mine opgaver"): those
 * they are invited to, chair or take the notes of, in their municipality, of the forum kinds its
 * organisation model holds. One query.
 */
export async function upcomingMeetingsOf(
  db: Kysely<DB>,
  user: CurrentUser,
  now: Date,
  days: number,
): Promise<{ id: string; startsAt: Date }[]> {
  if (user.municipalityCode === null) return [];
  const model = await organisationModel(db, user.municipalityCode);
  const kinds = ForumKindSchema.options.filter((k) => forumKindHoldsMeetings(k, model));
  const until = new Date(now.getTime() + days * 86_400_000);
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('forums as f', (join) =>
      join
        .onRef('f.id', '=', 'm.forum_id')
        .onRef('f.municipality_code', '=', 'm.municipality_code'),
    )
    .select(['m.id', 'm.starts_at'])
    .where('m.municipality_code', '=', user.municipalityCode)
    .where('m.status', '=', 'planned')
    .where('m.starts_at', '>=', now)
    .where('m.starts_at', '<', until)
    .where('f.kind', 'in', kinds)
    .where((eb) =>
      eb.or([
        eb('m.chair_user_id', '=', user.id),
        eb('m.note_taker_user_id', '=', user.id),
        eb.exists(
          eb
            .selectFrom('meeting_participants as p')
            .select('p.user_id')
            .whereRef('p.meeting_id', '=', 'm.id')
            .where('p.municipality_code', '=', user.municipalityCode)
            .where('p.user_id', '=', user.id),
        ),
      ]),
    )
    .orderBy('m.starts_at')
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({ id: r.id, startsAt: r.starts_at }));
}
