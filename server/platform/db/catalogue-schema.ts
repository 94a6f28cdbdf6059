import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the catalogue tables (db/migrations/0010_intervention_catalogue.sql). The main
 * `DB` interface in ./schema.ts extends `CatalogueTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type InterventionLevel = 'building' | 'anticipating' | 'intervening';
export type InterventionAgeGroup = 'under_18' | 'adult' | 'all';

export interface InterventionTypesTable {
  id: Generated<string>;
  municipality_code: string;
  code: string;
  name: string;
  description: string | null;
  level: InterventionLevel;
  age_group: InterventionAgeGroup;
  legal_basis: string | null;
  consent_required: Generated<boolean>;
  responsible_unit_id: string | null;
  tailored: Generated<boolean>;
  /** The name or description reveals the concern (db/migrations/0013). */
  reveals_concern: Generated<boolean>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CatalogueTables {
  intervention_types: InterventionTypesTable;
}
