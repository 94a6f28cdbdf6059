import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/**
 * Kysely types of the retention tables (db/migrations/0039): periods, legal holds, archival
 * exports and tombstones (owned by server/modules/retention) and the audit trail's anchors
 * (owned by server/platform/audit). The main `DB` in ./schema.ts extends `RetentionTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface RetentionPeriodsTable {
  municipality_code: string;
  kind: string;
  months: number;
  minimum_months: number;
  confirmed: Generated<boolean>;
  version: Generated<number>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface LegalHoldsTable {
  id: string;
  municipality_code: string;
  case_id: string | null;
  inquiry_id: string | null;
  reason: string;
  placed_by: string;
  placed_at: Timestamp;
  lifted_by: string | null;
  lifted_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lift_reason: string | null;
  version: Generated<number>;
}

export interface ArchiveExportsTable {
  id: string;
  municipality_code: string;
  taken_by: string;
  taken_at: Timestamp;
  package_name: string;
  index_sha256: string;
  record_count: number;
}

export interface ArchiveExportRecordsTable {
  export_id: string;
  municipality_code: string;
  record_kind: 'case' | 'inquiry';
  record_id: string;
}

export interface RetentionTombstonesTable {
  id: GeneratedAlways<number>;
  municipality_code: string;
  record_kind: 'case' | 'inquiry';
  retention_kind: string;
  received_on: NullableDate;
  opened_on: NullableDate;
  closed_on: NullableDate;
  extremism_form: string | null;
  age_group: string | null;
  outcome: string | null;
  export_id: string;
  deleted_on: DateOnly;
}

export interface AuditAnchorsTable {
  chain_key: ColumnType<string, string, never>;
  from_seq: ColumnType<number, number, never>;
  to_seq: ColumnType<number, number, never>;
  entry_count: ColumnType<number, number, never>;
  last_hash: ColumnType<string, string, never>;
  pruned_before: ColumnType<Date, Date | string, never>;
  created_at: ColumnType<Date, Date | string | undefined, never>;
  signature: ColumnType<string, string, never>;
}

export interface RetentionTables {
  retention_periods: RetentionPeriodsTable;
  legal_holds: LegalHoldsTable;
  archive_exports: ArchiveExportsTable;
  archive_export_records: ArchiveExportRecordsTable;
  retention_tombstones: RetentionTombstonesTable;
  audit_anchors: AuditAnchorsTable;
}
