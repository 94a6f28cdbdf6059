import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Figures about mapping rounds for the areas' aggregates view and the statistics (issue 17):
 * per area, the rounds held in a period [from, to] (by the day held, else the day systematised),
 * how many of them on time (held by the due date), how many late, and the contributions they got.
 * Counts only, never a text. The caller has decided which areas it may count.
 */
export interface RoundCounts {
  areaId: string;
  roundsHeld: number;
  onTime: number;
  late: number;
  contributions: number;
}

export async function countRoundsByArea(
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
  from: string,
  to: string,
): Promise<RoundCounts[]> {
  if (areaIds.length === 0) return [];
  const heldDay = sql<string>`coalesce(r.held_on, (r.systematised_at at time zone 'Europe/Copenhagen')::date)`;
  const rows = await db
    .selectFrom('area_rounds as r')
    .select([
      'r.area_id',
      sql<number>`count(*)::int`.as('held'),
      sql<number>`count(*) filter (where ${heldDay} <= r.due_on)::int`.as('on_time'),
      sql<number>`coalesce(sum((select count(*) from area_round_contributions c
        where c.round_id = r.id)), 0)::int`.as('contributions'),
    ])
    .where('r.municipality_code', '=', municipalityCode)
    .where('r.area_id', 'in', areaIds)
    .where(sql<boolean>`${heldDay} is not null`)
    .where(sql<boolean>`${heldDay} between ${from}::date and ${to}::date`)
    .groupBy('r.area_id')
    .execute();
  const byArea = new Map(rows.map((r) => [r.area_id, r]));
  return areaIds.map((areaId) => {
    const r = byArea.get(areaId);
    const held = r?.held ?? 0;
    const onTime = r?.on_time ?? 0;
    return {
      areaId,
      roundsHeld: held,
      onTime,
      late: held - onTime,
      contributions: r?.contributions ?? 0,
    };
  });
}
