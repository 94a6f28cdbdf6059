import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

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
export async function lockConsent(trx: Transaction<DB>, caseId: string, consentId: string) {
  return trx
    .selectFrom('case_consents')
    .select(['id', 'given_on', 'withdrawn_on', 'person_id'])
    .where('id', '=', consentId)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
}

export async function markWithdrawn(trx: Transaction<DB>, consentId: string, withdrawnOn: string) {
  await trx
    .updateTable('case_consents')
    .set({ withdrawn_on: withdrawnOn })
    .where('id', '=', consentId)
    .execute();
}

/** Pauses the case's active interventions that rely on the consent; returns their ids. */
export async function pauseInterventionsOn(
  trx: Transaction<DB>,
  caseId: string,
  consentId: string,
) {
  return trx
    .updateTable('case_interventions')
    .set((eb) => ({ status: 'paused', version: eb('version', '+', 1), updated_at: new Date() }))
    .where('case_id', '=', caseId)
    .where('consent_id', '=', consentId)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
}
