import type { Kysely, Transaction } from 'kysely';
import type { DataCategory, OrganisationKind } from '../../../shared/sharing.ts';
import type { DB } from '../../platform/db/schema.ts';
import { findCoveringConsent } from '../case-interventions/consent-cover.ts';

/**
 * Whether the consent named covers a partner's access to the case on the day `on`: the one check
 * used both when inviting on a basis that requires consent and at every read of the partner's
 * view, so a withdrawn or expired consent ends the access at once. It asks the consent module's
 * covering check (docs/CONSENT.md): the consent is on this case, valid on the day (signed if
 * written, not withdrawn, within its period), for standing access, naming the organisation or
 * its kind, covering every category the invitation shares, and given by (or for) the data
 * subject: the case's citizen (`personId`). A case without a citizen has no consent that covers.
 */
export async function consentCovers(
  db: Kysely<DB> | Transaction<DB>,
  q: {
    municipalityCode: string;
    caseId: string;
    consentId: string;
    /** The data subject: the case's citizen; null when the case has none (nothing covers). */
    personId: string | null;
    organisationId: string;
    organisationKind?: OrganisationKind;
    categories?: DataCategory[];
    on: string;
  },
): Promise<boolean> {
  if (q.personId === null) return false;
  const covering = await findCoveringConsent(db, {
    municipalityCode: q.municipalityCode,
    caseId: q.caseId,
    consentId: q.consentId,
    personId: q.personId,
    organisationId: q.organisationId,
    ...(q.organisationKind && { organisationKind: q.organisationKind }),
    ...(q.categories && { categories: q.categories }),
    use: 'standing_access',
    on: q.on,
  });
  return covering !== null;
}
