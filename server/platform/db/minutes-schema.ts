import type { ColumnType, Generated } from 'kysely';

/**
 * Kysely types of the minutes tables (db/migrations/0048, owned by server/modules/meetings,
 * minutes-*.ts): a meeting's minutes in versions, per agenda item what was assessed and decided,
 * and the tasks the meeting gave out. The main `DB` in ./schema.ts extends `MinutesTables`.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MeetingMinutesTable {
  id: string;
  municipality_code: Generated<string>;
  meeting_id: string;
  version_no: number;
  status: Generated<string>;
  correction_reason: string | null;
  approved_by: string | null;
  approved_at: Timestamp | null;
  no_personal_data_confirmed_by: string | null;
  no_personal_data_confirmed_at: Timestamp | null;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
  /** 0051: who was present, copied in at approval (null on drafts); see queries-minutes.ts. */
  attendance: ColumnType<unknown, string | null | undefined, string | null>;
}

export interface MeetingMinutesItemsTable {
  minutes_id: string;
  agenda_item_id: string;
  municipality_code: Generated<string>;
  assessed: string | null;
  decision: string | null;
  action_kind: string | null;
  action_resource_id: string | null;
  acted_by: string | null;
  acted_at: Timestamp | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface MeetingMinutesTasksTable {
  id: string;
  municipality_code: Generated<string>;
  meeting_id: string;
  minutes_id: string;
  agenda_item_id: string | null;
  case_id: string | null;
  inquiry_id: string | null;
  description: string;
  responsible_user_id: string;
  due_on: ColumnType<string, string, string>;
  done_at: Timestamp | null;
  done_by: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface MinutesTables {
  meeting_minutes: MeetingMinutesTable;
  meeting_minutes_items: MeetingMinutesItemsTable;
  meeting_minutes_tasks: MeetingMinutesTasksTable;
}
