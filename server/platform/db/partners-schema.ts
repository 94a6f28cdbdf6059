import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the partner-access tables (db/migrations/0037, owned by
 * server/modules/partners): the partner users' organisation and activation, and the invitations
 * into one case. The main `DB` in ./schema.ts extends `PartnerTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type UuidArray = ColumnType<string[], string[] | undefined, string[]>;

export interface PartnerUsersTable {
  user_id: string;
  municipality_code: string;
  organisation_id: string;
  activation_token_hash: string | null;
  activation_expires_at: Date | null;
  created_at: Timestamp;
}

export interface CasePartnerAccessTable {
  id: string;
  municipality_code: string;
  case_id: string;
  partner_user_id: string;
  organisation_id: string;
  parts: ColumnType<string[], string[], string[]>;
  goal_keys: UuidArray;
  intervention_ids: UuidArray;
  legal_basis: string;
  purpose: string;
  consent_id: string | null;
  ends_on: DateOnly;
  ended_on: ColumnType<string | null, string | null | undefined, string | null>;
  end_reason: string | null;
  expiry_recorded_at: Date | null;
  invited_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PartnerTables {
  partner_users: PartnerUsersTable;
  case_partner_access: CasePartnerAccessTable;
}
