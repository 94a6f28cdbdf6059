import { sql, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of retention's candidates (docs/RETENTION.md): the municipality's finished records with
 * the day their period is counted from, its active legal holds and the exports taken. Each is
 * one statement; the service decides which periods have ended.
 */
type Db = Kysely<DB>;

export interface ClosedCaseRow {
  id: string;
  reference: string;
  opened_at: Date;
  extremism_form: string | null;
  age_group: string | null;
  closed_at: Date | null;
  outcome: string | null;
  reviewed_at: Date | null;
  review_pending: boolean;
}

/** Closed cases with their approved closure, last confirmed re-review and any pending one. */
export async function findClosedCases(db: Db, municipalityCode: string): Promise<ClosedCaseRow[]> {
  const result = await sql<ClosedCaseRow>`
    select c.id, c.reference, c.opened_at, c.extremism_form, c.age_group,
           cl.decided_at as closed_at, cl.outcome,
           (select max(coalesce(r.decided_at, r.held_on::timestamptz)) from case_reviews r
             where r.case_id = c.id and r.status = 'confirmed') as reviewed_at,
           exists (select 1 from case_reviews r
                    where r.case_id = c.id and r.status = 'scheduled') as review_pending
      from cases c
      left join lateral (
        select decided_at, outcome from case_closures
         where case_id = c.id and status = 'approved'
         order by decided_at desc nulls last limit 1) cl on true
     where c.municipality_code = ${municipalityCode} and c.status = 'closed'
     order by c.reference`.execute(db);
  return result.rows;
}

export interface DecidedInquiryRow {
  id: string;
  reference: string;
  received_at: Date;
  outcome: string;
  decided_at: Date;
  extremism_form: string | null;
  age_group: string | null;
}

/** Decided inquiries that did not become a case (those go with their case), with the decision. */
export async function findDecidedInquiries(
  db: Db,
  municipalityCode: string,
): Promise<DecidedInquiryRow[]> {
  const result = await sql<DecidedInquiryRow>`
    select i.id, i.reference, i.received_at, d.outcome,
           coalesce(d.reviewed_at, d.decided_at) as decided_at, d.extremism_form, d.age_group
      from inquiries i
      join inquiry_decisions d on d.inquiry_id = i.id and d.status = 'final'
     where i.municipality_code = ${municipalityCode} and i.status = 'decided'
       and i.case_id is null and d.outcome <> 'radicalisation'
     order by i.reference`.execute(db);
  return result.rows;
}

/** The municipality's holds not lifted, by record id. */
export async function findActiveHoldIds(db: Db, municipalityCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('legal_holds')
    .select(['case_id', 'inquiry_id'])
    .where('municipality_code', '=', municipalityCode)
    .where('lifted_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.case_id ?? r.inquiry_id ?? ''));
}

/** The first export that delivered each record, by record id. */
export async function findExportedRecords(
  db: Db,
  municipalityCode: string,
): Promise<Map<string, { exportId: string; takenAt: Date }>> {
  const rows = await db
    .selectFrom('archive_export_records as r')
    .innerJoin('archive_exports as e', 'e.id', 'r.export_id')
    .select(['r.record_id', 'e.id', 'e.taken_at'])
    .where('r.municipality_code', '=', municipalityCode)
    .orderBy('e.taken_at')
    .execute();
  const map = new Map<string, { exportId: string; takenAt: Date }>();
  for (const row of rows) {
    if (!map.has(row.record_id))
      map.set(row.record_id, { exportId: row.id, takenAt: row.taken_at });
  }
  return map;
}

/** Municipalities with a saved retention period: the only ones the daily job has work in. */
export async function findMunicipalitiesWithPeriods(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('retention_periods')
    .select('municipality_code')
    .where('confirmed', '=', true)
    .distinct()
    .execute();
  return rows.map((r) => r.municipality_code);
}

/** Audit entries of a chain older than `before` (what pruning would remove). */
export async function countAuditBefore(db: Db, chainKey: string, before: Date): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('chain_key', '=', chainKey)
    .where('occurred_at', '<', before)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
