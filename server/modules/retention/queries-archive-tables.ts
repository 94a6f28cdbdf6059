import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { TableRows } from './queries-archive.ts';

/**
 * The archival version holds every table whose rows the deletion of a case or an inquiry removes
 * by cascade (docs/RETENTION.md, archive-then-delete). The six tables the records' documents are
 * built from are read with chosen columns (queries-archive.ts); every other cascading table is
 * listed here with the way it hangs on a case or an inquiry, and exported whole, one query per
 * table. archive-coverage.int.test.ts reads the foreign-key catalogue and fails when a table that
 * cascades is neither here nor in NOT_ARCHIVED — so a new table cannot be deleted undelivered.
 */
type Parent = 'cases' | 'inquiries' | 'case_interventions' | 'disclosures' | 'meeting_agenda_items';

export interface ArchiveTableSpec {
  table: string;
  /** The table it hangs on and the referring column. */
  parent: Parent;
  column: string;
}

/** The six tables of the records' documents, read in queries-archive.ts. */
export const CORE_TABLES = [
  'cases',
  'case_events',
  'case_persons',
  'inquiries',
  'inquiry_decisions',
  'inquiry_persons',
] as const;

const onCase = (table: string): ArchiveTableSpec => ({ table, parent: 'cases', column: 'case_id' });
const onInquiry = (table: string): ArchiveTableSpec => ({
  table,
  parent: 'inquiries',
  column: 'inquiry_id',
});

export const EXTRA_TABLES: readonly ArchiveTableSpec[] = [
  onCase('case_members'),
  onCase('access_grants'),
  onCase('case_assessments'),
  onCase('case_plans'),
  onCase('case_consents'),
  onCase('case_interventions'),
  {
    table: 'case_intervention_participants',
    parent: 'case_interventions',
    column: 'intervention_id',
  },
  { table: 'intervention_sessions', parent: 'case_interventions', column: 'intervention_id' },
  onCase('case_offers'),
  onCase('case_follow_ups'),
  onCase('case_closures'),
  onCase('case_reviews'),
  onCase('case_filings'),
  onCase('disclosures'),
  { table: 'disclosure_persons', parent: 'disclosures', column: 'disclosure_id' },
  onCase('case_notices'),
  onCase('case_partner_access'),
  onCase('case_transfers'),
  onCase('meeting_agenda_items'),
  onCase('citizen_contact_attempts'),
  onCase('citizen_meetings'),
  onCase('network_map_versions'),
  onInquiry('inquiry_signs'),
  onInquiry('inquiry_contributions'),
  onInquiry('inquiry_events'),
  onInquiry('police_feedback'),
  onInquiry('inquiry_forwardings'),
  onInquiry('meeting_agenda_items'),
  onInquiry('citizen_contact_attempts'),
  onInquiry('citizen_meetings'),
  { table: 'meeting_participants', parent: 'meeting_agenda_items', column: 'agenda_item_id' },
  { table: 'meeting_external_guests', parent: 'meeting_agenda_items', column: 'agenda_item_id' },
  // The minutes of a record's agenda item, and the tasks given out about a record (0048).
  { table: 'meeting_minutes_items', parent: 'meeting_agenda_items', column: 'agenda_item_id' },
  { table: 'meeting_minutes_tasks', parent: 'meeting_agenda_items', column: 'agenda_item_id' },
  onCase('meeting_minutes_tasks'),
  onInquiry('meeting_minutes_tasks'),
];

/** Every table in the archival version. */
export const ARCHIVE_TABLES: readonly { table: string }[] = [
  ...CORE_TABLES.map((table) => ({ table })),
  ...EXTRA_TABLES,
];

/**
 * Cascading tables left out on purpose: the delivery queues of messages (their content is the
 * case's facts, already in the tables above), not documentation of the case.
 */
export const NOT_ARCHIVED: Record<string, string> = {
  notifications: 'in-app notices to employees (a queue, not the record)',
  email_outbox: 'e-mails waiting to be sent or sent (a queue, not the record)',
};

/** Binary columns: written as documents, not into the CSV. */
const BINARY_COLUMNS: Record<string, string[]> = { case_consents: ['scan'] };

/** A scanned document of a row (the signed consent form), for the package's documents. */
export interface ArchiveScan {
  table: string;
  rowId: string;
  caseId: string;
  mediaType: string;
  data: Buffer;
}

export async function readExtraTables(
  db: Kysely<DB>,
  municipalityCode: string,
  caseIds: string[],
  inquiryIds: string[],
): Promise<{ tables: Record<string, TableRows>; scans: ArchiveScan[] }> {
  const none = '00000000-0000-0000-0000-000000000000';
  const caseList = sql.join(caseIds.length > 0 ? caseIds : [none]);
  const inquiryList = sql.join(inquiryIds.length > 0 ? inquiryIds : [none]);
  // The ids of each parent, always within the municipality (the inquiries of a case travel with it).
  const parentIds: Record<Parent, RawBuilder<unknown>> = {
    cases: sql`select id from cases where municipality_code = ${municipalityCode}
                  and id in (${caseList})`,
    inquiries: sql`select id from inquiries where municipality_code = ${municipalityCode}
                  and (id in (${inquiryList}) or case_id in (${caseList}))`,
    case_interventions: sql`select id from case_interventions where case_id in (
                  select id from cases where municipality_code = ${municipalityCode}
                     and id in (${caseList}))`,
    disclosures: sql`select id from disclosures where case_id in (
                  select id from cases where municipality_code = ${municipalityCode}
                     and id in (${caseList}))`,
    meeting_agenda_items: sql`select id from meeting_agenda_items
                  where municipality_code = ${municipalityCode}
                    and (case_id in (${caseList}) or inquiry_id in (${inquiryList}))`,
  };
  const results = await Promise.all(
    EXTRA_TABLES.map(
      async (spec) =>
        (
          await sql<Record<string, unknown>>`select t.* from ${sql.table(spec.table)} t
             where t.${sql.ref(spec.column)} in (${parentIds[spec.parent]})
             order by 1`.execute(db)
        ).rows,
    ),
  );
  const tables: Record<string, TableRows> = {};
  const scans: ArchiveScan[] = [];
  EXTRA_TABLES.forEach((spec, index) => {
    const binary = BINARY_COLUMNS[spec.table] ?? [];
    // A table hanging on two parents (an agenda item on a case or an inquiry) gathers both.
    const earlier = tables[spec.table] ?? [];
    tables[spec.table] = earlier.concat(
      (results[index] ?? []).map((row) => {
        const out = { ...row };
        for (const column of binary) {
          const data = out[column];
          delete out[column];
          if (data instanceof Uint8Array) {
            scans.push({
              table: spec.table,
              rowId: String(row.id),
              caseId: String(row.case_id),
              mediaType: String(row[`${column}_media_type`] ?? 'application/octet-stream'),
              data: Buffer.from(data),
            });
          }
        }
        return out;
      }),
    );
  });
  return { tables, scans };
}
