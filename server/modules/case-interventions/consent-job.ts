import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { danishToday } from '../cases/chronology.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { claimExpiredConsents, markExpiryNotified } from './queries-consents.ts';

/** Consents claimed per transaction. */
const BATCH_SIZE = 200;

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
  let handled = 0;
  for (;;) {
    const claimed = await db.transaction().execute((trx) => notifyBatch(trx, today, now));
    handled += claimed;
    if (claimed < BATCH_SIZE) return handled;
  }
}

async function notifyBatch(trx: Transaction<DB>, today: string, now: Date): Promise<number> {
  const claimed = await claimExpiredConsents(trx, today, BATCH_SIZE);
  if (claimed.length === 0) return 0;
  for (const consent of claimed) {
    await notifyCaseCoordinators(
      trx,
      { caseId: consent.case_id, municipalityCode: consent.municipality_code },
      'consent_expired',
      { consentId: consent.id },
    );
  }
  await markExpiryNotified(
    trx,
    claimed.map((c) => c.id),
    now,
  );
  return claimed.length;
}
