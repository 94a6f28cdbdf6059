import type { Insertable, Kysely, Transaction } from 'kysely';
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
    .select([
      'id',
      'version',
      'given_on',
      'withdrawn_on',
      'person_id',
      'method',
      'signed_on',
      'valid_from',
      'valid_to',
    ])
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

/** The persons of the case among `personIds`, with whether each holds custody. */
export async function custodyOf(trx: Transaction<DB>, theCase: CaseKey, personIds: string[]) {
  if (personIds.length === 0) return [];
  return trx
    .selectFrom('case_persons')
    .select(['person_id', 'custody_holder'])
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('person_id', 'in', personIds)
    .execute();
}

/** Records the day the form came back signed, if the version is still `version`. */
export async function markSigned(
  trx: Transaction<DB>,
  theCase: CaseKey,
  consentId: string,
  version: number,
  signedOn: string,
) {
  return trx
    .updateTable('case_consents')
    .set((eb) => ({ signed_on: signedOn, version: eb('version', '+', 1) }))
    .where('id', '=', consentId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/** Stores the scanned copy, if the version is still `version`. */
export async function saveScan(
  trx: Transaction<DB>,
  theCase: CaseKey,
  consentId: string,
  version: number,
  scan: { bytes: Buffer; mediaType: string; userId: string; at: Date },
) {
  return trx
    .updateTable('case_consents')
    .set((eb) => ({
      scan: scan.bytes,
      scan_media_type: scan.mediaType,
      scan_added_at: scan.at,
      scan_added_by: scan.userId,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', consentId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/** The scanned copy's bytes and type, and whose consent it is. */
export async function consentScan(
  db: Kysely<DB> | Transaction<DB>,
  theCase: CaseKey,
  consentId: string,
) {
  return db
    .selectFrom('case_consents')
    .select(['id', 'person_id', 'scan', 'scan_media_type'])
    .where('id', '=', consentId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
}

/** One consent with what its printed form shows. */
export async function consentForForm(trx: Transaction<DB>, theCase: CaseKey, consentId: string) {
  return trx
    .selectFrom('case_consents')
    .selectAll()
    .where('id', '=', consentId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
}

/**
 * Consents whose last valid day is before `today`, not withdrawn, whose coordinators were not yet
 * told (the daily job), claimed with `for update skip locked`.
 */
export async function claimExpiredConsents(trx: Transaction<DB>, today: string, limit: number) {
  return trx
    .selectFrom('case_consents')
    .select(['id', 'case_id', 'municipality_code'])
    .where('valid_to', 'is not', null)
    .where('valid_to', '<', today)
    .where('expiry_notified_at', 'is', null)
    .where('withdrawn_on', 'is', null)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

export async function markExpiryNotified(trx: Transaction<DB>, ids: string[], now: Date) {
  if (ids.length === 0) return;
  await trx
    .updateTable('case_consents')
    .set({ expiry_notified_at: now })
    .where('id', 'in', ids)
    .execute();
}

/** The case's reference (for the consent form). */
export async function caseReference(trx: Transaction<DB>, theCase: CaseKey) {
  return trx
    .selectFrom('cases')
    .select('reference')
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirstOrThrow();
}
