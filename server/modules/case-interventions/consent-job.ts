import type { Kysely } from 'kysely';
import { inClaimedBatches } from '../../platform/batches.ts';
import type { DB } from '../../platform/db/schema.ts';
import { danishToday } from '../cases/chronology.ts';
import { notifyClaimedToCoordinators } from '../notifications/service.ts';
import { claimExpiredConsents, markExpiryNotified } from './queries-consents.ts';

/**
 * The consent part of the case-work job (server/jobs/case-work.ts): a consent whose last valid
 * day has passed (before today in Denmark) and that was not withdrawn becomes a notification
 * (`consent_expired`) for the case's coordinators, once: each consent is claimed with
 * `for update skip locked` and marked (`expiry_notified_at`) in the same transaction as its
 * notifications. The consent itself needs no change: past its valid-to date it covers nothing
 * (consent-cover.ts). Returns how many consents it handled.
 */
export async function runConsentExpiryJob(db: Kysely<DB>, now: Date = new Date()): Promise<number> {
  const today = danishToday(now);
  return inClaimedBatches(db, async (trx, limit) =>
    notifyClaimedToCoordinators(
      trx,
      await claimExpiredConsents(trx, today, limit),
      'consent_expired',
      (consent) => ({ consentId: consent.id }),
      (ids) => markExpiryNotified(trx, ids, now),
    ),
  );
}
