import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/**
 * Kysely types of the inquiry tables (db/migrations/0007_inquiries.sql). The main `DB`
 * interface in ./schema.ts extends `InquiryTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export interface MunicipalitySettingsTable {
  municipality_code: string;
  deadline_hours_high: Generated<number>;
  deadline_hours_medium: Generated<number>;
  deadline_hours_low: Generated<number>;
  triage_by: Generated<string>;
  four_eyes: Generated<boolean>;
  no_concern_retention_days: Generated<number>;
  reminder_hours: Generated<number>;
  /** Who approves action plans (0011): the case's coordinator, or the steering group (model 3). */
  plan_approval: Generated<string>;
  /** Days after opening before a case without assessment or plan is on the work list (0019). */
  case_start_days: Generated<number>;
  /** Another coordinator approves a case's closure than the one who proposed it (0021). */
  closure_four_eyes: Generated<boolean>;
  /** Journalisation (0025): the KLE subject number and handling facet, the record system. */
  filing_kle_code: string | null;
  filing_kle_facet: string | null;
  record_system_name: string | null;
  filing_include_cpr: Generated<boolean>;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The organisation model 1–3 and the settings it proposes (0044). */
  organisation_model: Generated<number>;
  assessment_in_forum: Generated<boolean>;
  police_participation: Generated<string>;
  re_review_at_meetings: Generated<boolean>;
  meeting_cadence: Generated<string>;
  on_hold_agenda_weeks: Generated<number>;
  /** Who changed the settings last (0045); null while never changed by a person. */
  updated_by: string | null;
}

/** The municipality's logo for its documents' letterhead (0027); `image` null once removed. */
export interface MunicipalityLogosTable {
  municipality_code: string;
  image: Uint8Array | null;
  media_type: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PersonRelationsTable {
  person_id: string;
  related_person_id: string;
  relation: string;
  created_at: Timestamp;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface InquiriesTable {
  id: Generated<string>;
  municipality_code: string;
  reference: string;
  status: Generated<string>;
  source: string;
  source_other: string | null;
  channel: string;
  reporter_anonymous: Generated<boolean>;
  reporter_name: string | null;
  reporter_contact: string | null;
  received_at: Timestamp;
  observation: string;
  subject_kind: string;
  group_description: string | null;
  immediate_danger: Generated<boolean>;
  urgent: Generated<boolean>;
  seriousness: string | null;
  deadline_at: Timestamp;
  forum_id: string | null;
  recorded_unit_id: string | null;
  reminder_sent_at: Timestamp | null;
  overdue_notified_at: Timestamp | null;
  case_id: string | null;
  created_by: string;
  idempotency_key: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** 0022: why a date before the registration was recorded later (null when it was not). */
  backdate_reason: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0024: a report about a child under Barnets lov (underretning), and its two duties. */
  child_report: Generated<boolean>;
  child_report_marked_at: Timestamp | null;
  child_report_marked_by: string | null;
  immediate_help_needed: boolean | null;
  immediate_help_note: string | null;
  immediate_help_assessed_at: Timestamp | null;
  immediate_help_assessed_by: string | null;
  acknowledged_at: Timestamp | null;
  acknowledged_by: string | null;
  acknowledged_to: string | null;
  /** 0033: the reporting professional's e-mail address, for the acknowledgement. */
  reporter_email: string | null;
  /** 0052: the housing area an identification form (tool 4a or 4b) came from. */
  housing_area_id: ColumnType<string | null, string | null | undefined, string | null>;
  identification_tool: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0024: the legal provisions of a municipality, for its lawyer to confirm. */
export interface LegalProvisionsTable {
  municipality_code: string;
  key: string;
  name_da: string;
  name_en: string;
  law: string;
  section: string;
  valid_from: ColumnType<string, string, string>;
  valid_to: ColumnType<string | null, string | null | undefined, string | null>;
  deadline_hours: number | null;
  deadline_workdays: number | null;
  confirmed: Generated<boolean>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface InquiryPersonsTable {
  inquiry_id: string;
  person_id: string;
  position: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface InquirySignsTable {
  inquiry_id: string;
  sign_code: string;
  note: string | null;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface InquiryContributionsTable {
  id: Generated<string>;
  inquiry_id: string;
  author_user_id: string;
  unit_id: string | null;
  legal_basis: Generated<string>;
  body: string;
  created_at: Timestamp;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface InquiryDecisionsTable {
  id: Generated<string>;
  inquiry_id: string;
  outcome: string;
  reason: string;
  referred_unit_id: string | null;
  passed_on: string | null;
  police_handed_at: Timestamp | null;
  police_recipient: string | null;
  municipality_keeps: string | null;
  extremism_form: string | null;
  extremism_form_other: string | null;
  age_group: string;
  authority_area: string | null;
  primary_concern: boolean | null;
  subject_kind: string;
  environment: string | null;
  status: string;
  decided_by: string;
  decided_at: Timestamp;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  review_comment: string | null;
  case_id: string | null;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** The day the decision was taken, when recorded later (0027), and why it was recorded late. */
  decided_on: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_reason: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface InquiryEventsTable {
  id: GeneratedAlways<number>;
  inquiry_id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  kind: string;
  changes: Json;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface InquiryDraftsTable {
  id: Generated<string>;
  user_id: string;
  content_enc: string;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  /** A user of the system, or (0033) null for a message to `to_address`. */
  user_id: string | null;
  kind: string;
  inquiry_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  attempts: Generated<number>;
  last_error: string | null;
  /** The tenant key of the case or inquiry named, if any (0015): filled by the database. */
  municipality_code: Generated<string | null>;
  /** 0033: an address outside the system (the acknowledgement to a reporting professional). */
  to_address: string | null;
  /** 0037: the partner invitation a message is about, and its activation token until sent. */
  partner_access_id: string | null;
  link_token: string | null;
  /** 0042: the case transfer a message to a receiving coordinator is about. */
  case_transfer_id: string | null;
  /** 0046: the meeting an invitation, update or cancellation is about, its guest, its SEQUENCE. */
  meeting_id: string | null;
  meeting_external_guest_id: string | null;
  meeting_sequence: number | null;
}

export interface ReferenceCountersTable {
  municipality_code: string;
  kind: string;
  year: number;
  last_number: Generated<number>;
}

/** What the police tell the municipality about an inquiry handed to them (0045). */
export interface PoliceFeedbackTable {
  id: string;
  /** The tenant key: the database fills it from the inquiry when left out. */
  municipality_code: Generated<string>;
  inquiry_id: string;
  kind: string;
  note: string | null;
  sent_by: string;
  sent_at: Timestamp;
  read_by: string | null;
  read_at: Timestamp | null;
  version: Generated<number>;
}

export interface InquiryTables {
  municipality_settings: MunicipalitySettingsTable;
  municipality_logos: MunicipalityLogosTable;
  person_relations: PersonRelationsTable;
  inquiries: InquiriesTable;
  inquiry_persons: InquiryPersonsTable;
  inquiry_signs: InquirySignsTable;
  inquiry_contributions: InquiryContributionsTable;
  inquiry_decisions: InquiryDecisionsTable;
  inquiry_events: InquiryEventsTable;
  police_feedback: PoliceFeedbackTable;
  inquiry_drafts: InquiryDraftsTable;
  email_outbox: EmailOutboxTable;
  reference_counters: ReferenceCountersTable;
  legal_provisions: LegalProvisionsTable;
}
