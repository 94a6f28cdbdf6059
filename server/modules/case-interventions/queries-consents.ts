import type { Insertable, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 * Exception: `consentById` looks an id up in every case, to refuse a client-made id already
 * used elsewhere (it returns the id's case, nothing else).
 */

/** The repository for consent records: the SQL consents.ts runs inside its transaction. */

/** A consent with this id, in whichever case (for a create repeated with the same client id). */
export async function consentById(trx: Transaction<DB>, consentId: string) {
  return trx
    .selectFrom('case_consents')
    .select(['id', 'case_id'])
    .where('id', '=', consentId)
    .executeTakeFirst();
}

export async function insertConsent(trx: Transaction<DB>, values: Insertable<DB['case_consents']>) {
  return trx.insertInto('case_consents').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The consent in the case, locked for update. */
export async function lockConsent(trx: Transaction<DB>, theCase: CaseKey, consentId: string) {
  return trx
    .selectFrom('case_consents')
    .select(['id', 'given_on', 'withdrawn_on', 'person_id'])
    .where('id', '=', consentId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

export async function markWithdrawn(
  trx: Transaction<DB>,
  theCase: CaseKey,
  consentId: string,
  withdrawnOn: string,
) {
  await trx
    .updateTable('case_consents')
    .set({ withdrawn_on: withdrawnOn })
    .where('id', '=', consentId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .execute();
}

/** Pauses the case's active interventions that rely on the consent; returns their ids. */
export async function pauseInterventionsOn(
  trx: Transaction<DB>,
  theCase: CaseKey,
  consentId: string,
) {
  return trx
    .updateTable('case_interventions')
    .set((eb) => ({ status: 'paused', version: eb('version', '+', 1), updated_at: new Date() }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('consent_id', '=', consentId)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
}
