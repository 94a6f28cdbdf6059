import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the meeting tables (db/migrations/0044, owned by server/modules/meetings):
 * a forum's meetings, their agenda items, participants and external guests. The main `DB` in
 * ./schema.ts extends `MeetingTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MeetingsTable {
  id: string;
  /** The tenant key (0015 pattern): filled from the forum when left out. */
  municipality_code: Generated<string>;
  forum_id: string;
  meeting_type: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  place: string | null;
  video_link: string | null;
  chair_user_id: string | null;
  note_taker_user_id: string | null;
  series_id: string | null;
  recorded_afterwards: Generated<boolean>;
  status: Generated<string>;
  cancel_reason: string | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface MeetingAgendaItemsTable {
  id: string;
  municipality_code: Generated<string>;
  meeting_id: string;
  position: number;
  kind: string;
  inquiry_id: string | null;
  case_id: string | null;
  title: string | null;
  description: string | null;
  due_on: ColumnType<string | null, string | null | undefined, string | null>;
  source: Generated<string>;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface MeetingParticipantsTable {
  meeting_id: string;
  municipality_code: Generated<string>;
  user_id: string;
  kind: string;
  agenda_item_id: string | null;
  invited_at: Timestamp;
  invitation_queued_at: Timestamp | null;
  attended: boolean | null;
}

export interface MeetingExternalGuestsTable {
  id: string;
  municipality_code: Generated<string>;
  meeting_id: string;
  agenda_item_id: string;
  name: string;
  organisation: string | null;
  email: string | null;
  invitation_queued_at: Timestamp | null;
  attended: boolean | null;
  created_by: string;
  created_at: Timestamp;
}

export interface MeetingTables {
  meetings: MeetingsTable;
  meeting_agenda_items: MeetingAgendaItemsTable;
  meeting_participants: MeetingParticipantsTable;
  meeting_external_guests: MeetingExternalGuestsTable;
}
