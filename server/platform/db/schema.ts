import type { ColumnType, Generated } from 'kysely';

/**
 * Table types for Kysely. One interface per table, kept in step with db/migrations by the
 * schema test (server/platform/db/schema.int.test.ts compares columns with the live database).
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PoliceDistrictsTable {
  id: number;
  name: string;
  is_demo: Generated<boolean>;
}

export interface MunicipalitiesTable {
  code: string;
  name: string;
  region: string;
  police_district_id: number;
  is_demo: Generated<boolean>;
}

export interface UnitKindsTable {
  code: string;
  sort_order: number;
}

export interface UnitsTable {
  id: Generated<string>;
  municipality_code: string;
  kind: string;
  name: string;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Generated<Timestamp>;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Generated<Timestamp>;
}

export interface DB {
  police_districts: PoliceDistrictsTable;
  municipalities: MunicipalitiesTable;
  unit_kinds: UnitKindsTable;
  units: UnitsTable;
  app_settings: AppSettingsTable;
  schema_migrations: SchemaMigrationsTable;
}
