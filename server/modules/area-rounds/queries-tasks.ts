import { sql, type Kysely } from 'kysely';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AreaCadence } from '../../../shared/housing-areas.ts';

/**
 * For "Mine opgaver": the areas whose next mapping round the caller should hold — areas with a
 * cadence, not archived, whose latest round is systematised (no round open or waiting), where the
 * caller sits in the area's team forum or manages the municipality's forums (`manager`). The
 * base day (the latest round held, else due) comes back; the next due date is the cadence after
 * it (rounds.ts `nextDueOn`).
 */
export async function areasAwaitingRound(db: Kysely<DB>, user: CurrentUser, manager: boolean) {
  const rows = await db
    .selectFrom('housing_areas as a')
    .innerJoin('area_rounds as r', (join) =>
      join.onRef('r.area_id', '=', 'a.id').onRef('r.municipality_code', '=', 'a.municipality_code'),
    )
    .select([
      'a.id',
      'a.name',
      'a.cadence',
      sql<string>`to_char(coalesce(r.held_on, r.due_on), 'YYYY-MM-DD')`.as('base_day'),
    ])
    .where('a.archived_at', 'is', null)
    .where('a.cadence', 'is not', null)
    .where('r.status', '=', 'systematised')
    .where(
      'r.number',
      '=',
      sql<number>`(select max(r2.number) from area_rounds r2 where r2.area_id = a.id)`,
    )
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('forum_members as fm')
            .select('fm.user_id')
            .whereRef('fm.forum_id', '=', 'a.team_forum_id')
            .where('fm.user_id', '=', user.id),
        ),
        ...(manager ? [eb('a.municipality_code', '=', user.municipalityCode ?? '')] : []),
      ]),
    )
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ ...r, cadence: r.cadence as AreaCadence | null }));
}
