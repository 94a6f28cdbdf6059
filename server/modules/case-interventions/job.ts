import type { Kysely } from 'kysely';
import { inClaimedBatches } from '../../platform/batches.ts';
import type { DB } from '../../platform/db/schema.ts';
import { notifyClaimedToCoordinators } from '../notifications/service.ts';
import { danishToday } from '../cases/chronology.ts';
import { claimDueRenewals, markOffersNotified } from './queries-offers.ts';

/**
 * The renewed-offer part of the case-work job (server/jobs/case-work.ts): a scheduled renewal
 * that has fallen due (due date on or before today in Denmark) on a case that is active or on
 * hold becomes a notification for the case's coordinators, once: each offer is claimed with
 * `for update skip locked` and marked (`notified_at`) in the same transaction as its
 * notifications, so two processes never warn twice. Returns how many offers it handled.
 */
export async function runOfferJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const today = danishToday(now);
  return inClaimedBatches(db, async (trx, limit) =>
    notifyClaimedToCoordinators(
      trx,
      await claimDueRenewals(trx, today, limit),
      'offer_renewal_due',
      (offer) => ({ offerId: offer.id }),
      (ids) => markOffersNotified(trx, ids, now),
    ),
  );
}
