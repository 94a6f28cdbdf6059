import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The zones and places of an area, for other modules (a mapping round's levels, the area
 * analysis). The caller has already decided the area is visible (server/access/area-access.ts).
 */
export interface AreaPartSummary {
  id: string;
  level: 'zone' | 'place';
  kind: string;
  name: string;
  zoneId: string | null;
  archived: boolean;
}

export async function areaPartsOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaId: string,
): Promise<AreaPartSummary[]> {
  const rows = await db
    .selectFrom('housing_area_parts')
    .select(['id', 'level', 'kind', 'name', 'zone_id', 'archived_at'])
    .where('municipality_code', '=', municipalityCode)
    .where('area_id', '=', areaId)
    .orderBy('level', 'desc')
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    kind: r.kind,
    name: r.name,
    zoneId: r.zone_id,
    archived: r.archived_at !== null,
  }));
}
