import type { ColumnType, Generated } from 'kysely';
import type { AuditTables } from '../audit/tables.ts';
import type { RecordTables } from './records-schema.ts';
import type { InquiryTables } from './inquiry-schema.ts';
import type { CatalogueTables } from './catalogue-schema.ts';
import type { CaseTables } from './case-schema.ts';
import type { SharingTables } from './sharing-schema.ts';
import type { RetentionTables } from './retention-schema.ts';
import type { PartnerTables } from './partners-schema.ts';
import type { DisclosureTables } from './disclosure-schema.ts';
import type { AccessRequestTables } from './access-request-schema.ts';
import type { TransferTables } from './transfer-schema.ts';
import type { MeetingTables } from './meeting-schema.ts';
import type { CitizenMeetingTables } from './citizen-meeting-schema.ts';
import type { MinutesTables } from './minutes-schema.ts';
import type { NetworkMapTables } from './network-map-schema.ts';
import type { HousingAreaTables } from './housing-area-schema.ts';

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
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface AppSettingsTable {
  key: string;
  value: ColumnType<unknown, string, string>;
  updated_at: Timestamp;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: Timestamp;
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
  email: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
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
  created_at: Timestamp;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  state: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface WebauthnCredentialsTable {
  id: Generated<string>;
  user_id: string;
  credential_id: string;
  public_key: string;
  sign_count: Generated<number>;
  transports: Generated<string[]>;
  nickname: string;
  created_at: Timestamp;
  last_used_at: Timestamp | null;
}

export interface WebauthnChallengesTable {
  session_token_hash: string;
  purpose: 'registration' | 'authentication';
  challenge: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface DB
  extends
    AuditTables,
    RecordTables,
    InquiryTables,
    CatalogueTables,
    CaseTables,
    SharingTables,
    PartnerTables,
    DisclosureTables,
    RetentionTables,
    AccessRequestTables,
    TransferTables,
    MeetingTables,
    CitizenMeetingTables,
    MinutesTables,
    NetworkMapTables,
    HousingAreaTables {
  users: UsersTable;
  user_units: UserUnitsTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  webauthn_credentials: WebauthnCredentialsTable;
  webauthn_challenges: WebauthnChallengesTable;
  police_districts: PoliceDistrictsTable;
  municipalities: MunicipalitiesTable;
  unit_kinds: UnitKindsTable;
  units: UnitsTable;
  app_settings: AppSettingsTable;
  schema_migrations: SchemaMigrationsTable;
}
