import { sql, type Insertable, type Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { selectInquiry, selectInquiryPersons } from './queries.ts';
import {
  relationToMainPerson,
  selectInquiryPersonRows,
  type InquiryKey,
} from './queries-detail.ts';

/**
 * The decision's reads and writes: the decision rows, and the reads behind what a decision in
 * force asks of other modules (the persons to archive or keep, the persons of the case a
 * "radicalisation concern" opens). Each matches the inquiry's id and its municipality (the
 * tenant key, `InquiryKey`; an `InquiryAccess` is one), a decision by its id and the same key.
 */
type Db = Kysely<DB>;

/** The main person's birth date (for the age group on the day of the decision). */
export async function mainPersonBirthDate(db: Db, key: InquiryKey): Promise<string | null> {
  const main = await selectInquiryPersonRows(db, key)
    .select('p.birth_date')
    .orderBy('ip.position')
    .limit(1)
    .executeTakeFirst();
  return main?.birth_date ?? null;
}

export async function insertDecision(
  db: Db,
  values: Insertable<DB['inquiry_decisions']>,
): Promise<string> {
  const row = await db
    .insertInto('inquiry_decisions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The select of the inquiry's decisions, by its id and its tenant key. */
function selectDecisions(db: Db, key: InquiryKey) {
  return db
    .selectFrom('inquiry_decisions')
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode);
}

/** The update of the inquiry's decisions, by its id and its tenant key. */
function updateDecisions(db: Db, key: InquiryKey) {
  return db
    .updateTable('inquiry_decisions')
    .where('inquiry_id', '=', key.inquiryId)
    .where('municipality_code', '=', key.municipalityCode);
}

export async function findDecision(db: Db, key: InquiryKey, decisionId: string) {
  return selectDecisions(db, key)
    .selectAll()
    .where('id', '=', decisionId)
    .executeTakeFirstOrThrow();
}
export type DecisionRow = Awaited<ReturnType<typeof findDecision>>;

/** The decision waiting for a second coordinator, if any. */
export async function findPendingDecision(db: Db, key: InquiryKey) {
  return selectDecisions(db, key)
    .select(['id', 'decided_by'])
    .where('status', '=', 'pending')
    .executeTakeFirst();
}

/** Records the second coordinator's review: the decision becomes final or is rejected. */
export async function recordReview(
  db: Db,
  key: InquiryKey,
  decisionId: string,
  review: { approve: boolean; reviewedBy: string; comment: string | null },
): Promise<void> {
  await updateDecisions(db, key)
    .set({
      status: review.approve ? 'final' : 'rejected',
      reviewed_by: review.reviewedBy,
      reviewed_at: sql<Date>`now()`,
      review_comment: review.comment,
    })
    .where('id', '=', decisionId)
    .execute();
}

/** A reopened inquiry keeps its decision, superseded. */
export async function supersedeFinalDecision(db: Db, key: InquiryKey): Promise<void> {
  await updateDecisions(db, key)
    .set({ status: 'superseded' })
    .where('status', '=', 'final')
    .execute();
}

export async function setDecisionCase(
  db: Db,
  key: InquiryKey,
  decisionId: string,
  caseId: string,
): Promise<void> {
  await updateDecisions(db, key).set({ case_id: caseId }).where('id', '=', decisionId).execute();
}

/**
 * "No concern": the inquiry's persons who are on no case and needed by no other inquiry (open,
 * or decided otherwise than "no concern": a referral or a police handover keeps its record), to
 * be scheduled for archive-and-delete by the persons module.
 */
export async function unneededPersonIds(db: Db, key: InquiryKey): Promise<string[]> {
  const rows = await selectInquiryPersons(db, key)
    .select('ip.person_id')
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_persons as cp')
            .select('cp.case_id')
            .whereRef('cp.person_id', '=', 'ip.person_id')
            .whereRef('cp.municipality_code', '=', 'ip.municipality_code'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('inquiry_persons as other')
            .innerJoin('inquiries as oi', (join) =>
              join
                .onRef('oi.id', '=', 'other.inquiry_id')
                .onRef('oi.municipality_code', '=', 'other.municipality_code'),
            )
            .select('other.inquiry_id')
            .whereRef('other.person_id', '=', 'ip.person_id')
            .whereRef('other.municipality_code', '=', 'ip.municipality_code')
            .where('other.inquiry_id', '!=', key.inquiryId)
            .where((eb) =>
              eb.or([
                eb('oi.status', '!=', 'decided'),
                eb.exists(
                  eb
                    .selectFrom('inquiry_decisions as od')
                    .select('od.id')
                    .whereRef('od.inquiry_id', '=', 'oi.id')
                    .whereRef('od.municipality_code', '=', 'oi.municipality_code')
                    .where('od.status', '=', 'final')
                    .where('od.outcome', '!=', 'no_concern'),
                ),
              ]),
            ),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.person_id);
}

/** The inquiry's forum, and its persons with each one's relation to the main person. */
export async function inquiryForCase(db: Db, key: InquiryKey) {
  const inquiry = await selectInquiry(db, key)
    .select(['forum_id', 'reference'])
    .executeTakeFirstOrThrow();
  const persons = await selectInquiryPersons(db, key)
    .select((eb) => ['ip.person_id', 'ip.position', relationToMainPerson(eb)])
    .orderBy('ip.position')
    .execute();
  return { forumId: inquiry.forum_id, reference: inquiry.reference, persons };
}

/** When the inquiry was received (the earliest day a decision on it may carry). */
export async function inquiryReceivedAt(db: Db, key: InquiryKey): Promise<Date> {
  const row = await selectInquiry(db, key).select('received_at').executeTakeFirstOrThrow();
  return row.received_at;
}
