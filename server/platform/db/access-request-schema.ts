import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the citizen's access requests (db/migrations/0040_access_requests.sql, owned by
 * server/modules/access-requests). The main `DB` interface in ./schema.ts extends
 * `AccessRequestTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface AccessRequestsTable {
  id: string;
  municipality_code: string;
  person_id: string;
  kind: string;
  channel: string;
  received_on: DateOnly;
  deadline_on: DateOnly;
  status: Generated<string>;
  registered_by: string;
  registered_at: Generated<Date>;
  approved_by: string | null;
  approved_at: Timestamp | null;
  released_by: string | null;
  released_at: Timestamp | null;
  disclosure_id: string | null;
  version: Generated<number>;
}

export interface AccessRequestItemsTable {
  id: Generated<string>;
  request_id: string;
  municipality_code: string;
  position: number;
  source: string;
  case_id: string | null;
  inquiry_id: string | null;
  title: string;
  /** [{ label, value }, …] as JSON text on insert. */
  lines: ColumnType<unknown, string, string>;
  decision: Generated<string>;
  exemption: string | null;
  reason: string | null;
  redacted_lines: ColumnType<number[], number[] | undefined, number[]>;
  decided_by: string | null;
  decided_at: Timestamp | null;
  version: Generated<number>;
}

export interface AccessRequestTables {
  access_requests: AccessRequestsTable;
  access_request_items: AccessRequestItemsTable;
}
