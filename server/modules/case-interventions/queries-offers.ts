import type { Insertable, Transaction, Updateable } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 * Exception: the renewal job claims due renewals in every municipality (`claimDueRenewals`) and
 * marks the rows it claimed by their ids (`markOffersNotified`).
 */

/** The repository for offers of voluntary support: the SQL offers.ts runs in its transaction. */

export async function insertOffer(trx: Transaction<DB>, values: Insertable<DB['case_offers']>) {
  return trx
    .insertInto('case_offers')
    .values(values)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function insertRenewals(
  trx: Transaction<DB>,
  values: Insertable<DB['case_offers']>[],
) {
  return trx
    .insertInto('case_offers')
    .values(values)
    .returning(['id', 'round', 'due_on'])
    .execute();
}

/** The offer in the case, locked for update. */
export async function selectOfferForUpdate(
  trx: Transaction<DB>,
  theCase: CaseKey,
  offerId: string,
) {
  return trx
    .selectFrom('case_offers')
    .select([
      'id',
      'person_id',
      'kind',
      'intervention_type_id',
      'round',
      'first_offer_id',
      'status',
      'offered_on',
      'due_on',
      'version',
    ])
    .where('id', '=', offerId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .forUpdate()
    .executeTakeFirst();
}

/** Stores changes of one offer (its answer, or a renewal made); returns its new version. */
export async function updateOfferRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  offerId: string,
  changes: Pick<Updateable<DB['case_offers']>, 'status' | 'answered_on' | 'note' | 'offered_on'>,
) {
  return trx
    .updateTable('case_offers')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', offerId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .returning('version')
    .executeTakeFirstOrThrow();
}

/** Cancels the renewals of a first offer after `round` still scheduled; returns their ids. */
export async function cancelLaterRenewals(
  trx: Transaction<DB>,
  theCase: CaseKey,
  firstOfferId: string,
  round: number,
) {
  return trx
    .updateTable('case_offers')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('first_offer_id', '=', firstOfferId)
    .where('round', '>', round)
    .where('status', '=', 'scheduled')
    .returning('id')
    .execute();
}

/** Cancels the case's scheduled and open offers; how many. */
export async function cancelScheduledAndOpenOffers(
  trx: Transaction<DB>,
  theCase: CaseKey,
): Promise<number> {
  const offers = await trx
    .updateTable('case_offers')
    .set((eb) => ({ status: 'cancelled', version: eb('version', '+', 1) }))
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', 'in', ['scheduled', 'open'])
    .executeTakeFirst();
  return Number(offers.numUpdatedRows);
}

/**
 * The renewal job's claim, across municipalities: up to `limit` scheduled renewals due on or
 * before `today`, not announced yet, of a case that is active or on hold
 * (`for update skip locked`), due date first.
 */
export async function claimDueRenewals(trx: Transaction<DB>, today: string, limit: number) {
  return trx
    .selectFrom('case_offers')
    .select(['id', 'case_id', 'municipality_code'])
    .where('status', '=', 'scheduled')
    .where('due_on', '<=', today)
    .where('notified_at', 'is', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('cases as c')
          .select('c.id')
          .whereRef('c.id', '=', 'case_offers.case_id')
          .whereRef('c.municipality_code', '=', 'case_offers.municipality_code')
          .where('c.status', 'in', ['active', 'on_hold']),
      ),
    )
    .orderBy('due_on')
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/** Marks the claimed offers (by id) as announced. */
export async function markOffersNotified(
  trx: Transaction<DB>,
  offerIds: string[],
  now: Date,
): Promise<void> {
  await trx
    .updateTable('case_offers')
    .set({ notified_at: now })
    .where('id', 'in', offerIds)
    .execute();
}
