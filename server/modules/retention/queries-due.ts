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
  /** The final decision's outcome; null for a forwarded inquiry or one without a final decision. */
  outcome: string | null;
  /** The day the period is counted from: the decision (or its review), or the forwarding. */
  decided_at: Date | null;
  extremism_form: string | null;
  age_group: string | null;
  forwarded: boolean;
}

/**
 * Finished inquiries that did not become a case (those go with their case): decided ones with the
 * final decision, and forwarded ones (the sender's copy, 0041) with the day they were forwarded.
 * A decided inquiry whose decision opened no case (`radicalisation`) is listed too: the service
 * shows it as having no period, so it is visible rather than kept silently.
 */
export async function findDecidedInquiries(
  db: Db,
  municipalityCode: string,
): Promise<DecidedInquiryRow[]> {
  const result = await sql<DecidedInquiryRow>`
    select i.id, i.reference, i.received_at, d.outcome,
           case when i.status = 'forwarded' then f.forwarded_at
                else coalesce(d.reviewed_at, d.decided_at) end as decided_at,
           d.extremism_form, d.age_group, i.status = 'forwarded' as forwarded
      from inquiries i
      left join inquiry_decisions d on d.inquiry_id = i.id and d.status = 'final'
      left join inquiry_forwardings f on f.inquiry_id = i.id and f.direction = 'sent'
     where i.municipality_code = ${municipalityCode} and i.status in ('decided', 'forwarded')
       and i.case_id is null
     order by i.reference`.execute(db);
  return result.rows;
}

/**
 * The records the municipality's holds not lifted stop, by record id: the held case or inquiry,
 * and the case an held inquiry was opened into (the inquiry would be deleted with the case).
 */
export async function findActiveHoldIds(db: Db, municipalityCode: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('legal_holds as h')
    .leftJoin('inquiries as i', 'i.id', 'h.inquiry_id')
    .select(['h.case_id', 'h.inquiry_id', 'i.case_id as inquiry_case_id'])
    .where('h.municipality_code', '=', municipalityCode)
    .where('h.lifted_at', 'is', null)
    .execute();
  const ids = new Set<string>();
  for (const r of rows) {
    for (const id of [r.case_id, r.inquiry_id, r.inquiry_case_id]) if (id) ids.add(id);
  }
  return ids;
}

/**
 * The records that name a person with an access request not yet released (GDPR art. 15): held
 * while it is open, so the data the citizen asked to see is not deleted before the answer.
 */
export async function findOpenAccessRequestRecords(
  db: Db,
  municipalityCode: string,
): Promise<Set<string>> {
  const result = await sql<{ id: string }>`
    select cp.case_id as id from case_persons cp
      join access_requests a on a.person_id = cp.person_id
     where a.municipality_code = ${municipalityCode} and a.status <> 'released'
    union
    select ip.inquiry_id as id from inquiry_persons ip
      join access_requests a on a.person_id = ip.person_id
     where a.municipality_code = ${municipalityCode} and a.status <> 'released'
    union
    select i.case_id as id from inquiry_persons ip
      join inquiries i on i.id = ip.inquiry_id
      join access_requests a on a.person_id = ip.person_id
     where a.municipality_code = ${municipalityCode} and a.status <> 'released'
       and i.case_id is not null`.execute(db);
  return new Set(result.rows.map((r) => r.id));
}

/**
 * The latest export that delivered each record, by record id (the service requires it to be taken
 * on or after the day the record's period is counted from: an export before a reopening is stale).
 */
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
  // Ordered oldest first: the last one set wins.
  for (const row of rows) map.set(row.record_id, { exportId: row.id, takenAt: row.taken_at });
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

/** Audit entries of a chain older than `before` and below `belowSeq` (what pruning removes). */
export async function countAuditBefore(
  db: Db,
  chainKey: string,
  before: Date,
  belowSeq?: number,
): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('chain_key', '=', chainKey)
    .where('occurred_at', '<', before)
    .$if(belowSeq !== undefined, (q) => q.where('seq', '<', belowSeq as number))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
