import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { CaseAssessmentsTable } from '../../platform/db/case-schema.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ColumnValues } from './content.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 */

/** The assessment module's SQL: every read and write of case_assessments goes through here. */

/** The case's assessments with the names of their author and finaliser. */
export function selectAssessments(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_assessments as a')
    .innerJoin('users as cu', 'cu.id', 'a.created_by')
    .leftJoin('users as fu', 'fu.id', 'a.finalised_by')
    .selectAll('a')
    .select(['cu.display_name as created_by_name', 'fu.display_name as finalised_by_name'])
    .where('a.case_id', '=', theCase.caseId)
    .where('a.municipality_code', '=', theCase.municipalityCode);
}

export type AssessmentRow = Awaited<
  ReturnType<ReturnType<typeof selectAssessments>['executeTakeFirstOrThrow']>
>;

/** The row of one assessment of the case, locked for the transaction. */
export async function lockAssessmentRow(trx: Transaction<DB>, theCase: CaseKey, id: string) {
  return trx
    .selectFrom('case_assessments')
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** The id of the case's draft, if any. */
export async function draftId(trx: Transaction<DB>, theCase: CaseKey): Promise<string | undefined> {
  const draft = await trx
    .selectFrom('case_assessments')
    .select('id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  return draft?.id;
}

/** The latest final assessment of the case, if any. */
export async function latestFinal(trx: Transaction<DB>, theCase: CaseKey) {
  return selectAssessments(trx, theCase)
    .where('a.status', '=', 'final')
    .orderBy('a.number', 'desc')
    .executeTakeFirst();
}

/** The number the case's next assessment takes. */
export async function nextNumber(trx: Transaction<DB>, theCase: CaseKey): Promise<number> {
  const max = await trx
    .selectFrom('case_assessments')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
  return Number(max?.max ?? 0) + 1;
}

export async function insertDraft(
  trx: Transaction<DB>,
  values: ColumnValues & {
    case_id: string;
    number: number;
    based_on_id: string | null;
    created_by: string;
    created_at: Date;
    updated_at: Date;
  },
): Promise<string> {
  const inserted = await trx
    .insertInto('case_assessments')
    .values({ ...values, status: 'draft' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/**
 * Changes the case's assessment `id` and moves its version on, when its version is still
 * `version`; false when it moved on meanwhile.
 */
async function updateAtVersion(
  trx: Transaction<DB>,
  theCase: CaseKey,
  id: string,
  version: number,
  set: Updateable<CaseAssessmentsTable>,
): Promise<boolean> {
  const updated = await trx
    .updateTable('case_assessments')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** Replaces a draft's content when its version still matches; false when it moved on. */
export async function saveContent(
  trx: Transaction<DB>,
  theCase: CaseKey,
  id: string,
  version: number,
  values: ColumnValues,
): Promise<boolean> {
  return updateAtVersion(trx, theCase, id, version, { ...values, updated_at: new Date() });
}

/** Supersedes the case's final assessment(s); their ids. */
export async function supersedeFinal(
  trx: Transaction<DB>,
  theCase: CaseKey,
  now: Date,
): Promise<string[]> {
  const superseded = await trx
    .updateTable('case_assessments')
    .set({ status: 'superseded', updated_at: now })
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'final')
    .returning('id')
    .execute();
  return superseded.map((s) => s.id);
}

/** Makes the draft final when its version still matches; false when it moved on. */
export async function markFinal(
  trx: Transaction<DB>,
  theCase: CaseKey,
  id: string,
  version: number,
  userId: string,
  now: Date,
): Promise<boolean> {
  return updateAtVersion(trx, theCase, id, version, {
    status: 'final',
    finalised_by: userId,
    finalised_at: now,
    updated_at: now,
  });
}

/**
 * The birth date of the case's citizen (the youngest, should a case name more than one), or
 * null when it is not known: whether the assessment is about a child.
 */
export async function citizenBirthDate(db: Kysely<DB>, theCase: CaseKey): Promise<string | null> {
  const row = await casePersonsOf(db, theCase)
    .select('p.birth_date')
    .where('cp.role', '=', 'citizen')
    .where('p.birth_date', 'is not', null)
    .orderBy('p.birth_date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.birth_date ?? null;
}
