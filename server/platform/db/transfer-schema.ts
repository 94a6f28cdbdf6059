import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the tables across municipalities (db/migrations/0041_transfers.sql): an
 * inquiry's forwardings (one row per side) and case transfers. The main `DB` interface in
 * ./schema.ts extends `TransferTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface InquiryForwardingsTable {
  id: string;
  /** The tenant key: the database fills it from the inquiry when left out. */
  municipality_code: Generated<string>;
  inquiry_id: string;
  direction: 'sent' | 'received';
  counterpart_code: string;
  reason: string | null;
  forwarded_at: Timestamp;
  forwarded_by: string | null;
}

export interface CaseTransfersTable {
  id: string;
  /** The sending municipality (the tenant key), filled from the case when left out. */
  municipality_code: Generated<string>;
  case_id: string;
  to_municipality_code: string;
  status: Generated<string>;
  reason: string;
  legal_basis_key: string;
  legal_basis: string;
  parts: ColumnType<string[], string[], string[]>;
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decline_reason: string | null;
  received_case_id: string | null;
  version: Generated<number>;
  /** 0042: the case's consent a transfer on a basis that requires consent relies on. */
  consent_id: string | null;
}

export interface TransferTables {
  inquiry_forwardings: InquiryForwardingsTable;
  case_transfers: CaseTransfersTable;
}
