import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the personal-data records and their access tables
 * (db/migrations/0005_records.sql). The main `DB` interface in ./schema.ts extends `RecordTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateOnly = ColumnType<string, string, string>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export interface PersonsTable {
  id: Generated<string>;
  municipality_code: string;
  given_name: string;
  family_name: string;
  birth_date: DateOnly | null;
  cpr_enc: string | null;
  /** HMAC-SHA256 of the CPR digits with the secret key: finds duplicates without decrypting. */
  cpr_digest: string | null;
  merged_into: string | null;
  archive_after: Timestamp | null;
  address: string | null;
  phone: string | null;
  is_demo: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface ForumsTable {
  id: Generated<string>;
  municipality_code: string;
  name: string;
  /** What sort of forum (0044): infohus_kommune, forum, steering_group, infohus_network, housing_area. */
  kind: Generated<string>;
  /** How often it meets (0044); null: no fixed cadence. */
  cadence: string | null;
  archived_at: Timestamp | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface ForumMembersTable {
  forum_id: string;
  user_id: string;
  added_at: Timestamp;
}

export interface CasesTable {
  id: Generated<string>;
  municipality_code: string;
  reference: string;
  status: Generated<string>;
  forum_id: string | null;
  opened_at: Timestamp;
  extremism_form: string | null;
  extremism_form_other: string | null;
  concern_summary: string | null;
  work_summary: string | null;
  /** Set while the case is on hold (0009): why, and until when (YYYY-MM-DD), if known. */
  on_hold_reason: string | null;
  on_hold_until: DateOnly | null;
  /** The classification from the decision, editable with history (0011), and the concern level. */
  age_group: string | null;
  authority_area: string | null;
  primary_concern: boolean | null;
  subject_kind: string | null;
  environment: string | null;
  concern_level: string | null;
  closed_at: Timestamp | null;
  /**
   * 0030: the earliest due date of the case's scheduled follow-ups (null when none is), kept by
   * the follow-ups module through refreshNextFollowUp (the overview sorts and filters by it).
   */
  next_follow_up_due: DateOnly | null;
  is_demo: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface CasePersonsTable {
  case_id: string;
  person_id: string;
  role: string;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** 0024: a parent of the case who holds custody (forældremyndighed). */
  custody_holder: Generated<boolean>;
}

export interface CaseMembersTable {
  case_id: string;
  user_id: string;
  role: string;
  scope: Generated<string>;
  unit_id: string | null;
  added_by: string | null;
  added_at: Timestamp;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface AccessGrantsTable {
  id: Generated<string>;
  user_id: string;
  case_id: string;
  reason: string;
  granted_at: Timestamp;
  expires_at: Timestamp;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  kind: string;
  case_id: string | null;
  inquiry_id: string | null;
  details: Json;
  created_at: Timestamp;
  read_at: Timestamp | null;
  /** The tenant key of the case or inquiry named, if any (0015): filled by the database. */
  municipality_code: Generated<string | null>;
}

export interface RecordTables {
  persons: PersonsTable;
  forums: ForumsTable;
  forum_members: ForumMembersTable;
  cases: CasesTable;
  case_persons: CasePersonsTable;
  case_members: CaseMembersTable;
  access_grants: AccessGrantsTable;
  notifications: NotificationsTable;
}
