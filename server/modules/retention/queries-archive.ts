import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of the archival version (archive.ts): the product's data of the records being
 * delivered, table by table, and the export's record. Reads span the modules' tables (the archive
 * takes everything the product holds of a record); the only writes are retention's own tables.
 */
type Db = Kysely<DB>;
export type TableRows = Record<string, unknown>[];

/** The six tables the records' documents are built from, and every other exported table by name. */
export interface ArchiveTables {
  cases: TableRows;
  case_events: TableRows;
  case_persons: TableRows;
  inquiries: TableRows;
  inquiry_decisions: TableRows;
  inquiry_persons: TableRows;
  [table: string]: TableRows;
}

export async function readArchiveTables(
  db: Db,
  municipalityCode: string,
  caseIds: string[],
  inquiryIds: string[],
): Promise<ArchiveTables> {
  const none = '00000000-0000-0000-0000-000000000000';
  const cases = caseIds.length > 0 ? caseIds : [none];
  const inquiries = inquiryIds.length > 0 ? inquiryIds : [none];
  const caseList = sql.join(cases);
  const inquiryList = sql.join(inquiries);
  // The inquiries a case was opened from travel with the case.
  const inquiryFilter = sql`(i.id in (${inquiryList}) or i.case_id in (${caseList}))`;
  const run = async (query: ReturnType<typeof sql<Record<string, unknown>>>) =>
    (await query.execute(db)).rows;
  const [c, ce, cp, i, d, ip] = await Promise.all([
    run(sql`select id, reference, status, opened_at, extremism_form, extremism_form_other,
                   age_group, concern_summary, work_summary
              from cases where municipality_code = ${municipalityCode} and id in (${caseList})
             order by reference`),
    run(sql`select e.case_id, e.occurred_at, e.kind, e.note_text, e.changes
              from case_events e join cases c on c.id = e.case_id
             where c.municipality_code = ${municipalityCode} and e.case_id in (${caseList})
             order by e.case_id, e.id`),
    run(sql`select cp.case_id, cp.person_id, cp.role, p.given_name, p.family_name, p.birth_date
              from case_persons cp join persons p on p.id = cp.person_id
             where p.municipality_code = ${municipalityCode} and cp.case_id in (${caseList})
             order by cp.case_id, p.family_name, p.given_name`),
    run(sql`select i.id, i.reference, i.case_id, i.status, i.source, i.channel, i.received_at,
                   i.observation, i.subject_kind
              from inquiries i where i.municipality_code = ${municipalityCode} and ${inquiryFilter}
             order by i.reference`),
    run(sql`select d.inquiry_id, d.outcome, d.reason, d.status, d.decided_at, d.extremism_form,
                   d.age_group
              from inquiry_decisions d join inquiries i on i.id = d.inquiry_id
             where i.municipality_code = ${municipalityCode} and ${inquiryFilter}
             order by d.inquiry_id, d.decided_at`),
    run(sql`select ip.inquiry_id, ip.person_id, ip.position, p.given_name, p.family_name,
                   p.birth_date
              from inquiry_persons ip join inquiries i on i.id = ip.inquiry_id
              join persons p on p.id = ip.person_id
             where i.municipality_code = ${municipalityCode} and ${inquiryFilter}
             order by ip.inquiry_id, ip.position`),
  ]);
  return {
    cases: c,
    case_events: ce,
    case_persons: cp,
    inquiries: i,
    inquiry_decisions: d,
    inquiry_persons: ip,
  };
}

export async function findExport(db: Db, municipalityCode: string, id: string) {
  return db
    .selectFrom('archive_exports')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listExports(db: Db, municipalityCode: string) {
  return db
    .selectFrom('archive_exports')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .orderBy('taken_at', 'desc')
    .limit(200)
    .execute();
}

export async function insertExport(
  db: Db,
  row: {
    id: string;
    municipalityCode: string;
    takenBy: string;
    takenAt: Date;
    packageName: string;
    indexSha256: string;
    records: { kind: 'case' | 'inquiry'; id: string }[];
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('archive_exports')
    .values({
      id: row.id,
      municipality_code: row.municipalityCode,
      taken_by: row.takenBy,
      taken_at: row.takenAt,
      package_name: row.packageName,
      index_sha256: row.indexSha256,
      record_count: row.records.length,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return false;
  await db
    .insertInto('archive_export_records')
    .values(
      row.records.map((r) => ({
        export_id: row.id,
        municipality_code: row.municipalityCode,
        record_kind: r.kind,
        record_id: r.id,
      })),
    )
    .execute();
  return true;
}

export async function findMunicipalityName(db: Db, municipalityCode: string): Promise<string> {
  const row = await db
    .selectFrom('municipalities')
    .select('name')
    .where('code', '=', municipalityCode)
    .executeTakeFirst();
  return row?.name ?? municipalityCode;
}
