import type { Kysely, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The citizen told: the notices module's SQL. Every read of a case's rows matches the tenant key
 * (`municipality_code`, db/migrations/0015) next to the case's id; inserts leave it to the
 * trigger, which also refuses a person of another municipality.
 */

/** The case's citizen and custody holders, citizen first (who must be told). */
export async function noticeRecipients(db: Kysely<DB>, theCase: CaseKey) {
  return casePersonsOf(db, theCase)
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.address', 'cp.role', 'cp.custody_holder'])
    .where((eb) => eb.or([eb('cp.role', '=', 'citizen'), eb('cp.custody_holder', '=', true)]))
    .orderBy((eb) => eb.case().when('cp.role', '=', 'citizen').then(0).else(1).end())
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}
export type RecipientRow = Awaited<ReturnType<typeof noticeRecipients>>[number];

export interface NewNotice {
  id: string;
  caseId: string;
  personId: string | null;
  outcome: string;
  method: string | null;
  givenOn: string;
  exemption: string | null;
  reason: string | null;
  recordedBy: string;
}

/** Inserts the notice; undefined when a notice with this id exists already. */
export async function insertNotice(trx: Transaction<DB>, notice: NewNotice) {
  return trx
    .insertInto('case_notices')
    .values({
      id: notice.id,
      case_id: notice.caseId,
      person_id: notice.personId,
      outcome: notice.outcome,
      method: notice.method,
      given_on: notice.givenOn,
      exemption: notice.exemption,
      reason: notice.reason,
      recorded_by: notice.recordedBy,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

function noticesQuery(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_notices as n')
    .innerJoin('users as u', 'u.id', 'n.recorded_by')
    .leftJoin('persons as p', (j) =>
      j.onRef('p.id', '=', 'n.person_id').onRef('p.municipality_code', '=', 'n.municipality_code'),
    )
    .select([
      'n.id',
      'n.case_id',
      'n.outcome',
      'n.person_id',
      'p.given_name',
      'p.family_name',
      'n.method',
      'n.given_on',
      'n.exemption',
      'n.reason',
      'n.recorded_by',
      'u.display_name',
      'n.recorded_at',
    ])
    .where('n.case_id', '=', theCase.caseId)
    .where('n.municipality_code', '=', theCase.municipalityCode);
}
export type NoticeRow = Awaited<ReturnType<ReturnType<typeof noticesQuery>['execute']>>[number];

/** The case's notices, oldest first (a case has a handful). */
export async function caseNotices(db: Kysely<DB>, theCase: CaseKey): Promise<NoticeRow[]> {
  return noticesQuery(db, theCase).orderBy('n.recorded_at').orderBy('n.id').execute();
}

/** One notice by id, only if it belongs to this case. */
export async function noticeOfCase(
  db: Kysely<DB>,
  theCase: CaseKey,
  id: string,
): Promise<NoticeRow | undefined> {
  return noticesQuery(db, theCase).where('n.id', '=', id).executeTakeFirst();
}

/**
 * A merge of two registrations of one person (persons/merge.ts): the duplicate's notices name the
 * surviving person, in the merge's transaction and within the one municipality.
 */
export async function moveNoticePersonLinks(
  trx: Transaction<DB>,
  municipalityCode: string,
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  await trx
    .updateTable('case_notices')
    .set({ person_id: toPersonId })
    .where('person_id', '=', fromPersonId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
}

/** The case's reference and when it was opened; undefined when there is no such case. */
export async function caseForNotice(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'opened_at'])
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
}
