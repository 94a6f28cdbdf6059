import type { Transaction } from 'kysely';
import { transferCategories, type TransferPart } from '../../../shared/transfers.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { findCoveringConsent } from '../case-interventions/consent-cover.ts';

/**
 * A case transfer on a basis that requires consent (docs/TRANSFERS.md, docs/CONSENT.md): the
 * coordinator names the case's consent, which on the day must be valid (not withdrawn, not
 * expired, signed when written) and cover a single disclosure to another municipality (by kind)
 * of every category the chosen parts disclose. Asked when the transfer is proposed and again
 * when it is accepted, since the copy is made then: a consent withdrawn meanwhile stops it.
 */
export async function transferConsentCovers(
  trx: Transaction<DB>,
  key: CaseKey,
  q: { consentId: string; parts: readonly TransferPart[]; day: string },
): Promise<boolean> {
  const covering = await findCoveringConsent(trx, {
    municipalityCode: key.municipalityCode,
    caseId: key.caseId,
    consentId: q.consentId,
    organisationKind: 'other_municipality',
    use: 'single_disclosure',
    categories: transferCategories(q.parts),
    on: q.day,
  });
  return covering !== null;
}

/**
 * The proposal's check: refused on `body.consentId` with nothing stored when no consent is named
 * or the one named does not cover the transfer.
 */
export async function requireTransferConsent(
  trx: Transaction<DB>,
  key: CaseKey,
  q: { consentId: string | undefined; parts: readonly TransferPart[]; day: string },
): Promise<string> {
  const { consentId } = q;
  const covers =
    consentId !== undefined &&
    (await transferConsentCovers(trx, key, { consentId, parts: q.parts, day: q.day }));
  if (!covers || consentId === undefined) {
    throw new AppError('validation_failed', {
      fields: [
        {
          field: 'body.consentId',
          code: consentId ? 'transfer_consent_not_covering' : 'transfer_consent_required',
        },
      ],
    });
  }
  return consentId;
}
