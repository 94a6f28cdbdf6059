import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** The consent on the case (its municipality), given by `on` and not withdrawn: true if so. */
export async function liveConsentOnCase(
  db: Kysely<DB> | Transaction<DB>,
  q: { municipalityCode: string; caseId: string; consentId: string; on: string },
): Promise<boolean> {
  const row = await db
    .selectFrom('case_consents')
    .select('id')
    .where('municipality_code', '=', q.municipalityCode)
    .where('case_id', '=', q.caseId)
    .where('id', '=', q.consentId)
    .where('withdrawn_on', 'is', null)
    .where('given_on', '<=', q.on)
    .executeTakeFirst();
  return row !== undefined;
}
