import type { Transaction } from 'kysely';
import type { CaseAccess } from '../../access/records.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { findCoveringConsent } from '../case-interventions/consent-cover.ts';
import { findPartnerRow } from '../sharing/queries-partners.ts';
import type { RecordDisclosureBody } from './schema.ts';

/** A legal basis written as consent ("Samtykke …", "consent …"). */
const CONSENT_WORDS = /samtykke|consent/i;

/**
 * A disclosure on the consent basis is refused when no valid consent covers it (issue 13 part 4,
 * docs/CONSENT.md): it names the case's consent (`consentId`), which on the disclosure day must be
 * valid (not withdrawn, not expired, signed when written) and cover a single disclosure, every
 * category disclosed and the recipient — the partner organisation named
 * (`recipientOrganisationId`, one of the municipality's) or the recipient's kind; and it must be
 * the consent of one of the persons the disclosure is about (`personIds`). A legal basis
 * written as consent without naming the consent is refused too.
 */
export async function consentProblems(
  trx: Transaction<DB>,
  access: CaseAccess,
  body: RecordDisclosureBody,
): Promise<FieldProblem[]> {
  if (body.recipientOrganisationId !== undefined) {
    const organisation = await findPartnerRow(
      trx,
      access.municipalityCode,
      body.recipientOrganisationId,
    );
    if (!organisation) {
      return [{ field: 'body.recipientOrganisationId', code: 'disclosure_organisation_unknown' }];
    }
  }
  if (body.consentId === undefined) {
    return CONSENT_WORDS.test(body.legalBasis)
      ? [{ field: 'body.consentId', code: 'disclosure_consent_required' }]
      : [];
  }
  const covering = await findCoveringConsent(trx, {
    municipalityCode: access.municipalityCode,
    caseId: access.caseId,
    consentId: body.consentId,
    // The consent must be given by (or for) one of the persons the disclosure is about.
    personIds: body.personIds,
    ...(body.recipientOrganisationId !== undefined && {
      organisationId: body.recipientOrganisationId,
    }),
    organisationKind: body.recipientKind,
    categories: body.categories,
    use: 'single_disclosure',
    on: body.disclosedOn,
  });
  return covering ? [] : [{ field: 'body.consentId', code: 'disclosure_consent_not_covering' }];
}
