import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { danishToday } from '../cases/chronology.ts';
import { claimDueRenewals, markOffersNotified } from './queries-offers.ts';

/** Offers claimed per transaction. */
const BATCH_SIZE = 200;

/**
 * The renewed-offer part of the case-work job (server/jobs/case-work.ts): a scheduled renewal
 * that has fallen due (due date on or before today in Denmark) on a case that is active or on
 * hold becomes a notification for the case's coordinators, once: each offer is claimed with
 * `for update skip locked` and marked (`notified_at`) in the same transaction as its
 * notifications, so two processes never warn twice. Returns how many offers it handled.
 */
export async function runOfferJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const today = danishToday(now);
  let handled = 0;
  for (;;) {
    const claimed = await db.transaction().execute((trx) => notifyBatch(trx, today, now));
    handled += claimed;
    // A short batch means nothing is left (or the rest is locked by another process).
    if (claimed < BATCH_SIZE) return handled;
  }
}

async function notifyBatch(trx: Transaction<DB>, today: string, now: Date): Promise<number> {
  const claimed = await claimDueRenewals(trx, today, BATCH_SIZE);
  if (claimed.length === 0) return 0;
  for (const offer of claimed) {
    await notifyCaseCoordinators(
      trx,
      { caseId: offer.case_id, municipalityCode: offer.municipality_code },
      'offer_renewal_due',
      { offerId: offer.id },
    );
  }
  await markOffersNotified(
    trx,
    claimed.map((o) => o.id),
    now,
  );
  return claimed.length;
}
