import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Figures for the housing-area aggregates (issue 16 part 1, and the statistics of issue 17): how
 * many inquiries came from each area's identification forms (tools 4a and 4b) in a period, by
 * the day they were received. Counts only: no inquiry, person or text leaves this module.
 */
export async function countIdentificationsByArea(
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
  from: Date,
  to: Date,
): Promise<Map<string, number>> {
  if (areaIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('inquiries')
    .select(['housing_area_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('municipality_code', '=', municipalityCode)
    .where('housing_area_id', 'in', areaIds)
    .where('identification_tool', 'is not', null)
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .groupBy('housing_area_id')
    .execute();
  return new Map(rows.map((r) => [r.housing_area_id ?? '', Number(r.n)]));
}
