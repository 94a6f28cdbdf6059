import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Municipality, PoliceDistrict, Unit, UnitKind } from './schema.ts';
import { RegionSchema, UnitKindSchema } from './schema.ts';
import { escapeLike } from '../../platform/db/text-search.ts';

/**
 * Reference data is public fact (no personal data), so these queries are not scoped to a tenant.
 * Each list is one SQL round trip.
 */
export interface MunicipalityFilter {
  region?: string | undefined;
  policeDistrictId?: number | undefined;
  q?: string | undefined;
  after?: string | undefined;
  limit: number;
}

/** Municipalities with their police district: the one select both the list and lookup use. */
function selectMunicipalities(db: Kysely<DB>) {
  return db
    .selectFrom('municipalities as m')
    .innerJoin('police_districts as d', 'd.id', 'm.police_district_id')
    .select([
      'm.code',
      'm.name',
      'm.region',
      'm.is_demo',
      'd.id as district_id',
      'd.name as district_name',
    ]);
}

type MunicipalityRow = Awaited<
  ReturnType<ReturnType<typeof selectMunicipalities>['executeTakeFirstOrThrow']>
>;

function toMunicipality(r: MunicipalityRow): Municipality {
  return {
    code: r.code,
    name: r.name,
    region: RegionSchema.parse(r.region),
    policeDistrict: { id: r.district_id, name: r.district_name },
    isDemo: r.is_demo,
  };
}

export async function listMunicipalities(
  db: Kysely<DB>,
  filter: MunicipalityFilter,
): Promise<{ items: Municipality[]; nextCursor: string | null }> {
  let query = selectMunicipalities(db)
    .orderBy('m.code')
    .limit(filter.limit + 1);
  if (filter.region) query = query.where('m.region', '=', filter.region);
  if (filter.policeDistrictId)
    query = query.where('m.police_district_id', '=', filter.policeDistrictId);
  if (filter.q) query = query.where('m.name', 'ilike', `%${escapeLike(filter.q)}%`);
  if (filter.after) query = query.where('m.code', '>', filter.after);
  const rows = await query.execute();
  const page = rows.slice(0, filter.limit);
  return {
    items: page.map(toMunicipality),
    nextCursor: rows.length > filter.limit ? (page.at(-1)?.code ?? null) : null,
  };
}

export async function findMunicipality(
  db: Kysely<DB>,
  code: string,
): Promise<Municipality | undefined> {
  const row = await selectMunicipalities(db).where('m.code', '=', code).executeTakeFirst();
  return row && toMunicipality(row);
}

export async function listPoliceDistricts(db: Kysely<DB>): Promise<PoliceDistrict[]> {
  const rows = await db
    .selectFrom('police_districts as d')
    .leftJoin('municipalities as m', 'm.police_district_id', 'd.id')
    .select(['d.id', 'd.name', 'd.is_demo', 'm.code', 'm.name as municipality_name'])
    .orderBy('d.id')
    .orderBy('m.name')
    .execute();
  const byId = new Map<number, PoliceDistrict>();
  for (const r of rows) {
    let district = byId.get(r.id);
    if (!district) {
      district = { id: r.id, name: r.name, isDemo: r.is_demo, municipalities: [] };
      byId.set(r.id, district);
    }
    if (r.code && r.municipality_name) {
      district.municipalities.push({ code: r.code, name: r.municipality_name });
    }
  }
  return [...byId.values()];
}

export async function listUnitKinds(db: Kysely<DB>): Promise<UnitKind[]> {
  const rows = await db.selectFrom('unit_kinds').select('code').orderBy('sort_order').execute();
  return rows.map((r) => UnitKindSchema.parse(r.code));
}

export async function listUnits(db: Kysely<DB>, municipalityCode: string): Promise<Unit[]> {
  const rows = await db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .select(['u.id', 'u.kind', 'u.name', 'u.version'])
    .where('u.municipality_code', '=', municipalityCode)
    .orderBy('k.sort_order')
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: UnitKindSchema.parse(r.kind),
    name: r.name,
    version: r.version,
  }));
}
