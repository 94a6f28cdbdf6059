import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { InterventionType, InterventionTypeFilter } from './schema.ts';

/**
 * Reads of the interventions catalogue. Every query is limited to one municipality (the caller's
 * own); the catalogue holds no personal data.
 */

function selectTypes(db: Kysely<DB>, municipalityCode: string) {
  return db
    .selectFrom('intervention_types as t')
    .leftJoin('units as u', 'u.id', 't.responsible_unit_id')
    .select([
      't.id',
      't.municipality_code',
      't.code',
      't.name',
      't.description',
      't.level',
      't.age_group',
      't.legal_basis',
      't.consent_required',
      't.responsible_unit_id',
      'u.name as unit_name',
      't.tailored',
      't.reveals_concern',
      't.active',
      't.version',
    ])
    .where('t.municipality_code', '=', municipalityCode);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectTypes>['executeTakeFirstOrThrow']>>;

function toType(r: Row): InterventionType {
  return {
    id: r.id,
    municipalityCode: r.municipality_code,
    code: r.code,
    name: r.name,
    description: r.description,
    level: r.level,
    ageGroup: r.age_group,
    legalBasis: r.legal_basis,
    consentRequired: r.consent_required,
    responsibleUnitId: r.responsible_unit_id,
    responsibleUnitName: r.unit_name ?? null,
    tailored: r.tailored,
    revealsConcern: r.reveals_concern,
    active: r.active,
    version: r.version,
  };
}

const LEVEL_ORDER = { building: 1, anticipating: 2, intervening: 3 } as const;

/** The municipality's catalogue, filtered, by level (building first), then name. */
export async function listTypes(
  db: Kysely<DB>,
  municipalityCode: string,
  filter: InterventionTypeFilter,
): Promise<InterventionType[]> {
  let query = selectTypes(db, municipalityCode);
  if (filter.level) query = query.where('t.level', '=', filter.level);
  if (filter.ageGroup) {
    query = query.where(
      't.age_group',
      'in',
      filter.ageGroup === 'all' ? ['all'] : [filter.ageGroup, 'all'],
    );
  }
  if (filter.active) query = query.where('t.active', '=', filter.active === 'true');
  const rows = await query.orderBy('t.name').orderBy('t.id').execute();
  return rows.map(toType).sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level]);
}

/** One type of the municipality; undefined when missing or of another municipality (404). */
export async function findType(
  db: Kysely<DB>,
  municipalityCode: string,
  id: string,
): Promise<InterventionType | undefined> {
  const row = await selectTypes(db, municipalityCode).where('t.id', '=', id).executeTakeFirst();
  return row && toType(row);
}
