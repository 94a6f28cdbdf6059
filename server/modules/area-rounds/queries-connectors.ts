import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The positive connectors and resource persons the mapping rounds of an area found, newest round
 * first, for other modules (the area action plan names the connectors it uses). Described by
 * role and how to reach them, never as citizens. Only rounds that are systematised: their
 * contributions are frozen, while an open round's contributor may still edit or delete theirs. `ids` narrows to those (to check ids that
 * arrive in a request: an id not returned is not the area's).
 */
export interface AreaConnector {
  id: string;
  roundNumber: number;
  category: 'positive_connector' | 'resource_person';
  label: string;
  howToReach: string | null;
}

/**
 * The labels of connectors by id, across the municipality's areas, in one query (an area
 * intervention list names the connectors of many interventions). Ids not found are left out.
 */
export async function connectorsById(
  db: Kysely<DB>,
  municipalityCode: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('area_round_contributions')
    .select(['id', 'label'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.label]));
}

export async function connectorsOf(
  db: Kysely<DB>,
  municipalityCode: string,
  areaId: string,
  ids?: readonly string[],
): Promise<AreaConnector[]> {
  if (ids !== undefined && ids.length === 0) return [];
  let query = db
    .selectFrom('area_round_contributions as c')
    .innerJoin('area_rounds as r', 'r.id', 'c.round_id')
    .select(['c.id', 'r.number', 'c.category', 'c.label', 'c.how_to_reach'])
    .where('r.municipality_code', '=', municipalityCode)
    .where('r.area_id', '=', areaId)
    .where('r.status', '=', 'systematised')
    .where('c.category', 'in', ['positive_connector', 'resource_person'])
    .orderBy('r.number', 'desc')
    .orderBy('c.label')
    .orderBy('c.id');
  if (ids !== undefined) query = query.where('c.id', 'in', ids);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    roundNumber: r.number,
    category: r.category as AreaConnector['category'],
    label: r.label,
    howToReach: r.how_to_reach,
  }));
}
