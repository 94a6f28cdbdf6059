import { sql, type Kysely } from 'kysely';
import type { RecordKind } from '../../../shared/retention.ts';
import type { DB } from '../../platform/db/schema.ts';

/** Legal holds (db/migrations/0039): one municipality's, always by its code. */
type Db = Kysely<DB>;

/** The record's reference if the municipality has it (the check of a body's record id). */
export async function findRecordReference(
  db: Db,
  municipalityCode: string,
  kind: RecordKind,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom(kind === 'case' ? 'cases' : 'inquiries')
    .select('reference')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.reference;
}

export async function listHolds(db: Db, municipalityCode: string) {
  const result = await sql<{
    id: string;
    case_id: string | null;
    inquiry_id: string | null;
    reference: string;
    reason: string;
    placed_at: Date;
    lifted_at: Date | null;
    lift_reason: string | null;
    version: number;
  }>`
    select h.id, h.case_id, h.inquiry_id, coalesce(c.reference, i.reference) as reference,
           h.reason, h.placed_at, h.lifted_at, h.lift_reason, h.version
      from legal_holds h
      left join cases c on c.id = h.case_id
      left join inquiries i on i.id = h.inquiry_id
     where h.municipality_code = ${municipalityCode}
     order by h.lifted_at is not null, h.placed_at desc
     limit 500`.execute(db);
  return result.rows;
}

export async function findHold(db: Db, municipalityCode: string, id: string) {
  return db
    .selectFrom('legal_holds')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * An active hold that stops the record's deletion: on the record itself, and for a case also on
 * any inquiry the case was opened from (those are deleted with the case).
 */
export async function findActiveHold(
  db: Db,
  municipalityCode: string,
  kind: RecordKind,
  id: string,
) {
  return db
    .selectFrom('legal_holds')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where((eb) =>
      kind === 'case'
        ? eb.or([
            eb('case_id', '=', id),
            eb(
              'inquiry_id',
              'in',
              eb
                .selectFrom('inquiries')
                .select('inquiries.id')
                .where('inquiries.municipality_code', '=', municipalityCode)
                .where('inquiries.case_id', '=', id),
            ),
          ])
        : eb('inquiry_id', '=', id),
    )
    .where('lifted_at', 'is', null)
    .executeTakeFirst();
}

/**
 * Deletes the lifted holds (history) of a record about to be deleted, and for a case those of its
 * inquiries: the reference restricts (0043), so an active hold can never go by cascade.
 */
export async function deleteLiftedHolds(
  db: Db,
  municipalityCode: string,
  kind: RecordKind,
  id: string,
): Promise<void> {
  await db
    .deleteFrom('legal_holds')
    .where('municipality_code', '=', municipalityCode)
    .where('lifted_at', 'is not', null)
    .where((eb) =>
      kind === 'case'
        ? eb.or([
            eb('case_id', '=', id),
            eb(
              'inquiry_id',
              'in',
              eb
                .selectFrom('inquiries')
                .select('inquiries.id')
                .where('inquiries.municipality_code', '=', municipalityCode)
                .where('inquiries.case_id', '=', id),
            ),
          ])
        : eb('inquiry_id', '=', id),
    )
    .execute();
}

export async function insertHold(
  db: Db,
  row: {
    id: string;
    municipalityCode: string;
    kind: RecordKind;
    recordId: string;
    reason: string;
    userId: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('legal_holds')
    .values({
      id: row.id,
      municipality_code: row.municipalityCode,
      case_id: row.kind === 'case' ? row.recordId : null,
      inquiry_id: row.kind === 'inquiry' ? row.recordId : null,
      reason: row.reason,
      placed_by: row.userId,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function liftHoldRow(
  db: Db,
  municipalityCode: string,
  id: string,
  version: number,
  userId: string,
  reason: string,
): Promise<boolean> {
  const row = await db
    .updateTable('legal_holds')
    .set((eb) => ({
      lifted_at: new Date(),
      lifted_by: userId,
      lift_reason: reason,
      version: eb('version', '+', 1),
    }))
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .where('version', '=', version)
    .where('lifted_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Locks the record's row for its deletion: a hold being placed meanwhile holds a key-share lock on
 * it (the foreign key's check) until it commits, so the hold read after this lock is final.
 */
export async function lockRecordForDeletion(
  db: Db,
  municipalityCode: string,
  kind: RecordKind,
  id: string,
): Promise<boolean> {
  const row = await db
    .selectFrom(kind === 'case' ? 'cases' : 'inquiries')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * The first entry of the chain before `before` that is about a record under an active legal hold
 * — its case or inquiry (and the inquiries of a held case) as the resource, or a person they name
 * as the subject. Pruning stops before it (docs/RETENTION.md): a hold for a complaint keeps who
 * read or changed the record, which is often what the complaint is about.
 */
export async function firstHeldAuditSeq(
  db: Db,
  municipalityCode: string,
  before: Date,
): Promise<number | undefined> {
  const result = await sql<{ seq: string | number | null }>`
    with held as (
      select h.case_id, h.inquiry_id from legal_holds h
       where h.municipality_code = ${municipalityCode} and h.lifted_at is null
    ), held_inquiries as (
      select i.id from inquiries i, held
       where i.municipality_code = ${municipalityCode}
         and (i.id = held.inquiry_id or i.case_id = held.case_id)
    )
    select min(a.seq) as seq from audit_log a
     where a.chain_key = ${municipalityCode} and a.occurred_at < ${before}
       and (a.resource_id in (select case_id::text from held where case_id is not null
                              union select id::text from held_inquiries)
            or a.subject_person_id in (
              select cp.person_id from case_persons cp join held on held.case_id = cp.case_id
              union select ip.person_id from inquiry_persons ip
                     where ip.inquiry_id in (select id from held_inquiries)))`.execute(db);
  const seq = result.rows[0]?.seq;
  return seq === null || seq === undefined ? undefined : Number(seq);
}
