import type { Kysely, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { Cursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';

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
  return db
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', (j) =>
      j
        .onRef('p.id', '=', 'cp.person_id')
        .onRef('p.municipality_code', '=', 'cp.municipality_code'),
    )
    .select(['p.id', 'p.given_name', 'p.family_name', 'p.birth_date', 'cp.role'])
    .$if(withCpr, (q) => q.select('p.cpr_enc'))
    .where('cp.case_id', '=', theCase.caseId)
    .where('cp.municipality_code', '=', theCase.municipalityCode)
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

/** Inserts the filing; undefined when the same document version was filed already. */
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
    .onConflict((oc) => oc.columns(['case_id', 'document_kind', 'document_version']).doNothing())
    .returning('id')
    .executeTakeFirst();
}

function filingsQuery(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_filings as f')
    .innerJoin('users as u', 'u.id', 'f.filed_by')
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
    ])
    .where('f.case_id', '=', theCase.caseId)
    .where('f.municipality_code', '=', theCase.municipalityCode);
}
export type FilingRow = Awaited<ReturnType<ReturnType<typeof filingsQuery>['execute']>>[number];

/** One filing of the case by its document version; undefined if none. */
export async function filingOfVersion(
  db: Kysely<DB>,
  theCase: CaseKey,
  document: string,
  documentVersion: string,
): Promise<FilingRow | undefined> {
  return filingsQuery(db, theCase)
    .where('f.document_kind', '=', document)
    .where('f.document_version', '=', documentVersion)
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
