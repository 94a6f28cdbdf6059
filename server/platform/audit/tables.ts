import type { ColumnType, GeneratedAlways } from 'kysely';

/**
 * Kysely types of the audit tables (db/migrations/0004_audit.sql). The main `DB` interface in
 * server/platform/db/schema.ts extends `AuditTables`. Every audit_log column has update type
 * `never`: the trail is append-only, in the types as in the database (a trigger refuses changes).
 */
type Immutable<Select, Insert = Select> = ColumnType<Select, Insert, never>;
type Optional<T> = Immutable<T | null, T | null | undefined>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export const AUDIT_ACTIONS = [
  'read',
  'search',
  'export',
  'create',
  'update',
  'delete',
  'disclose',
  'login',
  'login_failed',
  'logout',
  'permission_change',
  'break_glass',
  'merge',
  'print',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditLogTable {
  id: GeneratedAlways<number>;
  chain_key: Immutable<string>;
  seq: Immutable<number>;
  occurred_at: Immutable<Date, Date | string>;
  actor_user_id: Optional<string>;
  actor_role: Optional<string>;
  actor_unit_id: Optional<string>;
  municipality_code: Optional<string>;
  action: Immutable<AuditAction>;
  resource_type: Immutable<string>;
  resource_id: Optional<string>;
  subject_person_id: Optional<string>;
  purpose: Optional<string>;
  legal_basis: Optional<string>;
  request_id: Optional<string>;
  break_glass: ColumnType<boolean, boolean | undefined, never>;
  /** jsonb: written as a JSON string, read back parsed. Ids and codes only, no personal data. */
  details: ColumnType<unknown, string | undefined, never>;
  prev_hash: Immutable<string>;
  hash: Immutable<string>;
}

export interface AuditChainHeadsTable {
  chain_key: ColumnType<string, string, never>;
  last_seq: number;
  last_hash: string;
  updated_at: Timestamp;
}

export interface AuditTables {
  audit_log: AuditLogTable;
  audit_chain_heads: AuditChainHeadsTable;
}
