import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { Cursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * Journalisation's SQL. Every read of a case's rows matches the tenant key (`municipality_code`,
 * db/migrations/0015) next to the case's id; inserts leave it to the trigger.
 */

/** What the filing metadata names of the case; undefined when there is no such case. */
export async function caseForFiling(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('cases')
    .select(['id', 'reference', 'status', 'opened_at', 'closed_at'])
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
}

/** The case's persons (the parties), citizen first, then by name; the CPR cipher only if asked. */
export async function filingParties(db: Kysely<DB>, theCase: CaseKey, withCpr: boolean) {
  return casePersonsOf(db, theCase)
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date', 'cp.role'])
    .$if(withCpr, (q) => q.select('p.cpr_enc'))
    .orderBy((eb) => eb.case().when('cp.role', '=', 'citizen').then(0).else(1).end())
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

export interface NewFiling {
  caseId: string;
  document: string;
  documentVersion: string;
  documentDate: string;
  journalNumber: string;
  recordSystem: string | null;
  kleCode: string | null;
  filedOn: string;
  filedBy: string;
}

/** Inserts the filing; undefined when the same document version has a filing in force already. */
export async function insertFiling(trx: Transaction<DB>, filing: NewFiling) {
  return trx
    .insertInto('case_filings')
    .values({
      case_id: filing.caseId,
      document_kind: filing.document,
      document_version: filing.documentVersion,
      document_date: filing.documentDate,
      journal_number: filing.journalNumber,
      record_system: filing.recordSystem,
      kle_code: filing.kleCode,
      filed_on: filing.filedOn,
      filed_by: filing.filedBy,
      // Milliseconds, as the keyset cursor holds them.
      recorded_at: new Date(),
    })
    .onConflict((oc) =>
      oc
        .columns(['case_id', 'document_kind', 'document_version'])
        // The partial unique index of 0032: one filing in force per version.
        .where('withdrawn_at', 'is', null)
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
}

function filingsQuery(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_filings as f')
    .innerJoin('users as u', 'u.id', 'f.filed_by')
    .leftJoin('users as w', 'w.id', 'f.withdrawn_by')
    .select([
      'f.id',
      'f.document_kind',
      'f.document_version',
      'f.document_date',
      'f.journal_number',
      'f.record_system',
      'f.kle_code',
      'f.filed_on',
      'f.filed_by',
      'u.display_name',
      'f.recorded_at',
      'f.version',
      'f.corrected_at',
      'f.withdrawn_at',
      'f.withdrawn_by',
      'w.display_name as withdrawn_by_name',
      'f.withdrawal_reason',
    ])
    .where('f.case_id', '=', theCase.caseId)
    .where('f.municipality_code', '=', theCase.municipalityCode);
}
export type FilingRow = Awaited<ReturnType<ReturnType<typeof filingsQuery>['execute']>>[number];

/** The filing in force of a document version (not withdrawn); undefined if none. */
export async function filingOfVersion(
  db: Kysely<DB>,
  theCase: CaseKey,
  document: string,
  documentVersion: string,
): Promise<FilingRow | undefined> {
  return filingsQuery(db, theCase)
    .where('f.document_kind', '=', document)
    .where('f.document_version', '=', documentVersion)
    .where('f.withdrawn_at', 'is', null)
    .executeTakeFirst();
}

/** A keyset page of the case's filings, newest recorded first (one more than `limit`). */
export async function filingsPage(
  db: Kysely<DB>,
  theCase: CaseKey,
  after: Cursor | null,
  limit: number,
): Promise<FilingRow[]> {
  return filingsQuery(db, theCase)
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('f.recorded_at', '<', new Date(after?.t ?? 0)),
          eb.and([
            eb('f.recorded_at', '=', new Date(after?.t ?? 0)),
            eb('f.id', '<', after?.id ?? ''),
          ]),
        ]),
      ),
    )
    .orderBy('f.recorded_at', 'desc')
    .orderBy('f.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/** One filing of the case by its id (withdrawn or not); undefined if the case has no such filing. */
export async function filingById(
  db: Kysely<DB>,
  theCase: CaseKey,
  filingId: string,
): Promise<FilingRow | undefined> {
  return filingsQuery(db, theCase).where('f.id', '=', filingId).executeTakeFirst();
}

/** The filing row, locked for the rest of the transaction; undefined if the case has none such. */
export async function lockFiling(trx: Transaction<DB>, theCase: CaseKey, filingId: string) {
  return trx
    .selectFrom('case_filings')
    .select([
      'id',
      'document_kind',
      'document_version',
      'document_date',
      'journal_number',
      'filed_on',
      'version',
      'withdrawn_at',
    ])
    .where('id', '=', filingId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** A correction of the journal number and day, at the version the caller saw; false if stale. */
export async function correctFilingRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  filingId: string,
  version: number,
  change: { journalNumber: string; filedOn: string; by: string; at: Date },
): Promise<boolean> {
  return changeFilingRow(trx, theCase, filingId, version, {
    journal_number: change.journalNumber,
    filed_on: change.filedOn,
    corrected_at: change.at,
    corrected_by: change.by,
  });
}

/** Marks the filing withdrawn (the row stays), at the version the caller saw; false if stale. */
export async function withdrawFilingRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  filingId: string,
  version: number,
  withdrawal: { reason: string; by: string; at: Date },
): Promise<boolean> {
  return changeFilingRow(trx, theCase, filingId, version, {
    withdrawn_at: withdrawal.at,
    withdrawn_by: withdrawal.by,
    withdrawal_reason: withdrawal.reason,
  });
}

/** A change of a filing not withdrawn, at the version the caller saw, moving it on one. */
async function changeFilingRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  filingId: string,
  version: number,
  set: Omit<Updateable<DB['case_filings']>, 'version'>,
): Promise<boolean> {
  const row = await trx
    .updateTable('case_filings')
    .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
    .where('id', '=', filingId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('version', '=', version)
    .where('withdrawn_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
