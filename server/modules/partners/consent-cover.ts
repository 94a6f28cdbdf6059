import type { Kysely, Transaction } from 'kysely';
import type { DataCategory, OrganisationKind } from '../../../shared/sharing.ts';
import type { DB } from '../../platform/db/schema.ts';
import {
  findCoveringConsent,
  findCoveringConsents,
  type NamedCoverQuestion,
} from '../case-interventions/consent-cover.ts';
import type { AccessRow } from './queries.ts';
import { categoriesOf, partsOf } from './rules.ts';

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

/**
 * The same check for a list of invitations at once, in one statement (the team's list, the
 * partner's cases): the ids of those whose named consent, the citizen's, covers on `today`.
 */
export async function coveredAccesses(
  db: Kysely<DB> | Transaction<DB>,
  rows: readonly AccessRow[],
  today: string,
): Promise<Set<string>> {
  const questions: NamedCoverQuestion[] = [];
  for (const row of rows) {
    if (row.consent_id === null || row.citizen_id === null) continue;
    questions.push({
      key: row.id,
      municipalityCode: row.municipality_code,
      caseId: row.case_id,
      consentId: row.consent_id,
      personId: row.citizen_id,
      organisationId: row.organisation_id,
      organisationKind: row.organisation_kind as OrganisationKind,
      categories: categoriesOf(partsOf(row.parts)),
      use: 'standing_access',
    });
  }
  return findCoveringConsents(db, questions, today);
}
