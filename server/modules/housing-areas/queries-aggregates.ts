import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** Counts of an area's live zones, places and partners (the aggregates view), by area. */
export async function partCountsByArea(
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
) {
  if (areaIds.length === 0) return [];
  return db
    .selectFrom('housing_areas as a')
    .select([
      'a.id',
      'a.name',
      sql<boolean>`a.archived_at is not null`.as('archived'),
      sql<string>`(select count(*) from housing_area_parts p where p.area_id = a.id
        and p.municipality_code = a.municipality_code and p.level = 'zone' and p.archived_at is null)`.as(
        'zones',
      ),
      sql<string>`(select count(*) from housing_area_parts p where p.area_id = a.id
        and p.municipality_code = a.municipality_code and p.level = 'place' and p.archived_at is null)`.as(
        'places',
      ),
      sql<string>`(select count(*) from housing_area_partners hp where hp.area_id = a.id
        and hp.municipality_code = a.municipality_code and hp.revoked_at is null)`.as('partners'),
    ])
    .where('a.municipality_code', '=', municipalityCode)
    .where('a.id', 'in', areaIds)
    .orderBy('a.name')
    .orderBy('a.id')
    .execute();
}
