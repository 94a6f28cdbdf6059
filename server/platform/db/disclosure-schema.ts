import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the disclosure register (db/migrations/0035_disclosures.sql). The main `DB`
 * interface in ./schema.ts extends `DisclosureTables`. Entries are never updated.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;

export interface DisclosuresTable {
  id: string;
  /** The tenant key: the database fills it from the case when left out. */
  municipality_code: Generated<string>;
  case_id: string | null;
  disclosed_on: DateOnly;
  recipient_organisation: string;
  recipient_kind: string;
  recipient_person: string | null;
  categories: ColumnType<string[], string[], string[]>;
  documents: string | null;
  legal_basis: string;
  purpose: string;
  decided_by: string;
  channel: string;
  recorded_by_hand: boolean;
  product_source: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
}

export interface DisclosurePersonsTable {
  disclosure_id: string;
  person_id: string;
  /** The tenant key: filled from the disclosure when left out. */
  municipality_code: Generated<string>;
}

export interface DisclosureTables {
  disclosures: DisclosuresTable;
  disclosure_persons: DisclosurePersonsTable;
}
