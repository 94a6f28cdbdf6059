import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the sharing tables (db/migrations/0034, owned by server/modules/sharing): the
 * legal bases for sharing and the partner organisations. The main `DB` in ./schema.ts extends
 * `SharingTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;

export interface LegalBasesTable {
  municipality_code: string;
  key: string;
  name_da: string;
  name_en: string;
  law: string;
  section: string;
  allows_da: string;
  allows_en: string;
  valid_from: DateOnly;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  organisation_kinds: TextArray;
  uses: TextArray;
  requires_consent: Generated<boolean>;
  confirmed: Generated<boolean>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface PartnerOrganisationsTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
  kind: string;
  cvr: string | null;
  ean: string | null;
  contact_email: string | null;
  data_processor: Generated<boolean>;
  processor_agreement_ref: string | null;
  processor_agreement_date: ColumnType<string | null, string | null | undefined, string | null>;
  active: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface SharingTables {
  legal_bases: LegalBasesTable;
  partner_organisations: PartnerOrganisationsTable;
}
