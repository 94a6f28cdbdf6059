import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { liveConsentOnCase } from './queries-consent.ts';

/**
 * Whether the consent named covers a partner's access to the case on the day `on`: the one check
 * used both when inviting on a basis that requires consent and at every read of the partner's
 * view, so a withdrawn consent ends the access at once. For now: the consent exists on this case
 * (in its municipality), was given on or before the day, and is not withdrawn. The consent module
 * replaces this body with its full check (scope, recipient, period) when the two are merged.
 */
export async function consentCovers(
  db: Kysely<DB> | Transaction<DB>,
  q: {
    municipalityCode: string;
    caseId: string;
    consentId: string;
    organisationId: string;
    on: string;
  },
): Promise<boolean> {
  return liveConsentOnCase(db, q);
}
