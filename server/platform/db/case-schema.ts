import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/**
 * Kysely types of the case work tables (db/migrations/0009_case_chronology.sql and later). The
 * main `DB` interface in ./schema.ts extends `CaseTables`. Columns case work adds to `cases`
 * are declared on `CasesTable` in ./records-schema.ts.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;
/** A JSON column read as `unknown`: parse it with the module's Zod schema before use. */
type JsonValue = ColumnType<unknown, string | undefined, string>;
type DateOnly = ColumnType<string, string, string>;

export interface CaseEventsTable {
  id: GeneratedAlways<number>;
  case_id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  kind: string;
  changes: Json;
  note_text: string | null;
  compartment: Generated<boolean>;
  /** 0014: the intervention the event is about; its name is read from its catalogue entry. */
  intervention_id: string | null;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** 0022: the real date of a back-dated event and why it was recorded later. */
  happened_on: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_reason: ColumnType<string | null, string | null | undefined, string | null>;
}

/** 0011: 360° assessments, versioned (one draft at a time; final ones never change). */
export interface CaseAssessmentsTable {
  id: Generated<string>;
  case_id: string;
  number: number;
  based_on_id: string | null;
  status: Generated<string>;
  dimensions: JsonValue;
  risk_factors: JsonValue;
  protective_factors: JsonValue;
  resources: string | null;
  citizen_perspective: string | null;
  /** 0028: the child's own view and how the child was involved (a citizen under 18). */
  child_view: string | null;
  child_involvement: string | null;
  sources: string | null;
  overall_judgement: string | null;
  concern_level: string | null;
  recommended_interventions: string | null;
  intervention_targets: string | null;
  follow_up_interval_days: number | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  finalised_by: string | null;
  finalised_at: Timestamp | null;
  version: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

/** 0011: action plans, versioned, approved by a coordinator (or the steering group). */
export interface CasePlansTable {
  id: Generated<string>;
  case_id: string;
  number: number;
  based_on_id: string | null;
  status: Generated<string>;
  purpose: string | null;
  goals: JsonValue;
  agreements: JsonValue;
  citizen_wishes: string | null;
  citizen_participated: boolean | null;
  starts_on: DateOnly | null;
  ends_on: DateOnly | null;
  next_follow_up_on: DateOnly | null;
  follow_up_interval_days: number | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  submitted_by: string | null;
  submitted_at: Timestamp | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  steering_group_meeting_on: DateOnly | null;
  decision_comment: string | null;
  version: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface CaseConsentsTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  given_by: string;
  purpose: string;
  method: string;
  given_on: DateOnly;
  withdrawn_on: DateOnly | null;
  recorded_by: string;
  recorded_at: Timestamp;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** The consent's scope and form (0038, docs/CONSENT.md). */
  uses: Generated<string[]>;
  categories: Generated<string[]>;
  organisation_ids: Generated<string[]>;
  organisation_kinds: Generated<string[]>;
  custody_holder_ids: Generated<string[]>;
  /** Filled from given_on when left out (trigger, 0038). */
  valid_from: ColumnType<string, string | undefined, string>;
  /** The last day it is valid; null: open-ended. */
  valid_to: DateOnly | null;
  witness: string | null;
  signed_on: DateOnly | null;
  scan: Uint8Array | null;
  scan_media_type: string | null;
  scan_added_at: Timestamp | null;
  scan_added_by: string | null;
  expiry_notified_at: Timestamp | null;
  version: Generated<number>;
}

export interface CaseInterventionsTable {
  id: Generated<string>;
  case_id: string;
  intervention_type_id: string;
  person_id: string;
  provider_user_id: string | null;
  provider_name: string | null;
  status: Generated<string>;
  purpose: string | null;
  starts_on: DateOnly | null;
  ends_on: DateOnly | null;
  end_reason: string | null;
  consent_id: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** 0022: why a date before the registration was recorded later (null when it was not). */
  backdate_reason: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_note: ColumnType<string | null, string | null | undefined, string | null>;
  /** 0023: 'individual' (one participant) or 'group' (two or more). */
  form: Generated<string>;
}

/** 0023: who takes part in an intervention, the main person (`person_id` above) included. */
export interface CaseInterventionParticipantsTable {
  intervention_id: string;
  person_id: string;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  added_at: Timestamp;
}

export interface InterventionSessionsTable {
  id: Generated<string>;
  intervention_id: string;
  held_on: DateOnly;
  note: string;
  author_user_id: string;
  created_at: Timestamp;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** 0022: why a date before the registration was recorded later (null when it was not). */
  backdate_reason: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseOffersTable {
  id: Generated<string>;
  case_id: string;
  person_id: string;
  kind: string;
  intervention_type_id: string | null;
  round: Generated<number>;
  first_offer_id: string | null;
  status: Generated<string>;
  due_on: DateOnly | null;
  offered_on: DateOnly | null;
  answered_on: DateOnly | null;
  note: string | null;
  notified_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface CaseFollowUpsTable {
  id: Generated<string>;
  case_id: string;
  plan_id: string | null;
  due_on: DateOnly;
  status: Generated<string>;
  held_on: DateOnly | null;
  concern_level: string | null;
  concern_change: string | null;
  summary: string | null;
  goal_progress: JsonValue;
  competences: JsonValue | null;
  recorded_by: string | null;
  recorded_at: Timestamp | null;
  notified_at: Timestamp | null;
  created_at: Timestamp;
  version: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
  /** 0022: why a date before the registration was recorded later (null when it was not). */
  backdate_reason: ColumnType<string | null, string | null | undefined, string | null>;
  backdate_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CaseClosuresTable {
  id: Generated<string>;
  case_id: string;
  outcome: string;
  transferred_unit_id: string | null;
  outcome_other: string | null;
  reason: string;
  goal_statuses: JsonValue;
  intervention_dispositions: JsonValue;
  status: Generated<string>;
  proposed_by: string;
  proposed_at: Timestamp;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_comment: string | null;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

export interface CaseReviewsTable {
  id: Generated<string>;
  case_id: string;
  closure_id: string;
  months: number;
  due_on: DateOnly;
  status: Generated<string>;
  held_on: DateOnly | null;
  reason: string | null;
  no_longer_at_risk: boolean | null;
  in_education_or_work: boolean | null;
  decided_by: string | null;
  decided_at: Timestamp | null;
  notified_at: Timestamp | null;
  version: Generated<number>;
  /** The tenant key (0015): the database fills it from the parent row when left out. */
  municipality_code: Generated<string>;
}

/** Where and when a version of a case's document was filed in the record system (0025). */
/** The citizen told of the processing (GDPR art. 13/14), or the exemption used (0036). */
export interface CaseNoticesTable {
  id: string;
  case_id: string;
  /** The tenant key: the database fills it from the case when left out. */
  municipality_code: Generated<string>;
  person_id: string | null;
  outcome: string;
  method: string | null;
  given_on: DateOnly;
  exemption: string | null;
  reason: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface CaseFilingsTable {
  id: Generated<string>;
  case_id: string;
  /** The tenant key: the database fills it from the case when left out. */
  municipality_code: Generated<string>;
  document_kind: string;
  document_version: string;
  document_date: DateOnly;
  journal_number: string;
  record_system: string | null;
  kle_code: string | null;
  filed_on: DateOnly;
  filed_by: string;
  recorded_at: Generated<Date>;
  /** Optimistic locking: a correction moves it (0032). */
  version: Generated<number>;
  corrected_at: Date | null;
  corrected_by: string | null;
  /** A filing recorded in error: withdrawn, never deleted (0032). */
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdrawal_reason: string | null;
}

/** The kinds a chronology event may have (0029); case_events.kind refers to it. */
export interface CaseEventKindsTable {
  code: string;
}

export interface CaseTables {
  case_event_kinds: CaseEventKindsTable;
  case_events: CaseEventsTable;
  case_assessments: CaseAssessmentsTable;
  case_plans: CasePlansTable;
  case_consents: CaseConsentsTable;
  case_interventions: CaseInterventionsTable;
  intervention_sessions: InterventionSessionsTable;
  case_intervention_participants: CaseInterventionParticipantsTable;
  case_offers: CaseOffersTable;
  case_follow_ups: CaseFollowUpsTable;
  case_closures: CaseClosuresTable;
  case_reviews: CaseReviewsTable;
  case_filings: CaseFilingsTable;
  case_notices: CaseNoticesTable;
}
