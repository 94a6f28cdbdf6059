import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CasesTable } from '../../platform/db/records-schema.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseKey } from '../../platform/context.ts';

/*
 * The case row as the cases module reads and changes it for itself: locked for a change (every
 * part of case work, case-work.ts), on hold and resumed (chronology.ts), the classification
 * (classification.ts). Writes other modules ask for are in queries-case-rows.ts. Every read and
 * update matches the case's tenant key (`municipality_code`) next to its id.
 */

/** The row of this case (not executed: the caller selects, and locks it or not). */
function selectCase(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('cases')
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode);
}

/**
 * A change to this case's row that counts its version up and stamps `updated_at` (not executed:
 * the caller adds its conditions and what it returns). Owned here for every write of a case's
 * fields, the ones other modules ask for in queries-case-rows.ts too.
 */
export function updateCase(
  trx: Transaction<DB>,
  theCase: CaseKey,
  values: Omit<Updateable<CasesTable>, 'version' | 'updated_at'>,
  now: Date,
) {
  return trx
    .updateTable('cases')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode);
}

/** The case row's state, locked for the rest of the transaction; undefined when missing. */
export async function lockCaseRow(trx: Transaction<DB>, theCase: CaseKey) {
  return (
    selectCase(trx, theCase)
      .select(['status', 'opened_at', 'closed_at', 'concern_level', 'version'])
      // When the concern was first received: history recorded on the case cannot begin before it.
      .select((eb) =>
        eb
          .selectFrom('inquiries')
          .select((i) => i.fn.min('inquiries.received_at').as('received'))
          .whereRef('inquiries.case_id', '=', 'cases.id')
          .whereRef('inquiries.municipality_code', '=', 'cases.municipality_code')
          .as('concern_received_at'),
      )
      .forUpdate()
      .executeTakeFirst()
  );
}

/** The case's status and time on hold, locked for the transaction; undefined when missing. */
export async function lockCaseStatus(trx: Transaction<DB>, theCase: CaseKey) {
  return selectCase(trx, theCase)
    .select(['status', 'on_hold_reason', 'on_hold_until', 'version'])
    .forUpdate()
    .executeTakeFirst();
}

/** Saves the status if the case is still at `version`; the new version, else undefined. */
export async function saveCaseStatus(
  trx: Transaction<DB>,
  theCase: CaseKey,
  version: number,
  next: { status: string; on_hold_reason: string | null; on_hold_until: string | null },
): Promise<number | undefined> {
  const updated = await updateCase(trx, theCase, next, new Date())
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

/** The case's classification as stored. */
export async function classificationRow(trx: Transaction<DB>, theCase: CaseKey) {
  return selectCase(trx, theCase)
    .select([
      'extremism_form',
      'extremism_form_other',
      'age_group',
      'authority_area',
      'primary_concern',
      'subject_kind',
      'environment',
    ])
    .executeTakeFirstOrThrow();
}

/** Saves the case's classification; its new version. */
export async function saveClassification(
  trx: Transaction<DB>,
  theCase: CaseKey,
  values: {
    extremism_form: string | null;
    extremism_form_other: string | null;
    age_group: string | null;
    authority_area: string | null;
    primary_concern: boolean | null;
    subject_kind: string | null;
    environment: string | null;
  },
): Promise<number> {
  const updated = await updateCase(trx, theCase, values, new Date())
    .returning('version')
    .executeTakeFirstOrThrow();
  return updated.version;
}

/**
 * The row with a client-made id in one of case work's tables, in any municipality (only its
 * case id and version are read, never shown): the one look-up without the tenant key.
 */
export async function rowWithClientId(
  trx: Transaction<DB>,
  table: 'case_interventions' | 'case_offers' | 'case_follow_ups',
  id: string,
) {
  return trx
    .selectFrom(table)
    .select(['id', 'case_id', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
}
