import type { ColumnType, Generated, GeneratedAlways } from 'kysely';

/**
 * Kysely types of the case work tables (db/migrations/0009_case_chronology.sql and later). The
 * main `DB` interface in ./schema.ts extends `CaseTables`. Columns case work adds to `cases`
 * are declared on `CasesTable` in ./records-schema.ts.
 */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export interface CaseEventsTable {
  id: GeneratedAlways<number>;
  case_id: string;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  kind: string;
  changes: Json;
  note_text: string | null;
  compartment: Generated<boolean>;
}

export interface CaseTables {
  case_events: CaseEventsTable;
}
