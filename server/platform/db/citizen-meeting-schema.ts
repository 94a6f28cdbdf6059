import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the tables of meeting the citizen (db/migrations/0049, owned by
 * server/modules/citizen-meetings): the contact attempts and the meetings with the citizen (their
 * preparation, the meeting itself and the reflection afterwards). The main `DB` in ./schema.ts
 * extends `CitizenMeetingTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateColumn = ColumnType<string, string, string>;
type NullableDate = ColumnType<string | null, string | null | undefined, string | null>;

export interface CitizenContactAttemptsTable {
  id: string;
  /** The tenant key (0015 pattern): filled from the case or the inquiry when left out. */
  municipality_code: Generated<string>;
  case_id: string | null;
  inquiry_id: string | null;
  attempted_on: DateColumn;
  channel: string;
  tried_by: string;
  bridge_builder: string | null;
  outcome: string;
  note: string | null;
  next_step: string | null;
  next_on: NullableDate;
  next_by: string | null;
  recorded_by: string;
  recorded_at: Generated<Date>;
}

export interface CitizenMeetingsTable {
  id: string;
  municipality_code: Generated<string>;
  case_id: string | null;
  inquiry_id: string | null;
  version: Generated<number>;
  planned_on: NullableDate;
  purpose: string;
  expected_outcome: string | null;
  agenda: string | null;
  place: string | null;
  place_reason: string | null;
  roles: string | null;
  colleague_check_by: string | null;
  colleague_check_outcome: string | null;
  communication_approach: string | null;
  risk_check: ColumnType<unknown, string | undefined, string>;
  risk_conclusion: string | null;
  precautions: string | null;
  prepared_by: string;
  held_on: NullableDate;
  citizen_perspective: string | null;
  stage_of_change: string | null;
  summary: string | null;
  agreements: string | null;
  rights_told: ColumnType<string[], string[] | undefined, string[]>;
  lifeline_who: string | null;
  lifeline_phone: string | null;
  lifeline_email: string | null;
  lifeline_address: string | null;
  lifeline_when: string | null;
  next_meeting_on: NullableDate;
  held_recorded_by: string | null;
  reflection_worked: string | null;
  reflection_change: string | null;
  reflection_motivation: string | null;
  reflection_resistance: string | null;
  reflected_by: string | null;
  reflected_at: Timestamp | null;
  created_at: Generated<Date>;
  updated_at: Timestamp;
}

export interface CitizenMeetingTables {
  citizen_contact_attempts: CitizenContactAttemptsTable;
  citizen_meetings: CitizenMeetingsTable;
}
