import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../audit/tables.ts';

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

export interface UsersTable {
  id: Generated<string>;
  municipality_code: string | null;
  police_district_id: number | null;
  username: string;
  display_name: string;
  roles: string[];
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  totp_secret_enc: string | null;
  totp_enabled_at: Timestamp | null;
  totp_last_step: number | null;
  is_demo: Generated<boolean>;
  disabled_at: Timestamp | null;
  created_at: Generated<Timestamp>;
  updated_at: Generated<Timestamp>;
  version: Generated<number>;
}

export interface UserUnitsTable {
  user_id: string;
  unit_id: string;
}

export interface RecoveryCodesTable {
  id: Generated<string>;
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
  created_at: Generated<Timestamp>;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  state: string;
  csrf_token: string;
  created_at: Generated<Timestamp>;
  last_seen_at: Generated<Timestamp>;
  expires_at: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: Generated<Timestamp>;
  locked_until: Timestamp | null;
}

export interface DB extends AuditTables {
  users: UsersTable;
  user_units: UserUnitsTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  police_districts: PoliceDistrictsTable;
  municipalities: MunicipalitiesTable;
  unit_kinds: UnitKindsTable;
  units: UnitsTable;
  app_settings: AppSettingsTable;
  schema_migrations: SchemaMigrationsTable;
}
