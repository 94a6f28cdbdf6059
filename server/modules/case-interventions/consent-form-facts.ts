import type { Transaction } from 'kysely';
import {
  DataCategorySchema,
  OrganisationKindSchema,
  SharingUseSchema,
} from '../../../shared/sharing.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ConsentFormInput } from './consent-letter.ts';
import { listConsents } from './queries-consent-list.ts';
import { caseReference } from './queries-consents.ts';
import { danishToday } from '../cases/chronology.ts';

/**
 * What the printed consent form shows, from the consent as the list presents it (names of the
 * person, the custody holders and the organisations), plus the case's reference. Null when the
 * consent is not one of the case's.
 */
export async function consentFormFacts(
  trx: Transaction<DB>,
  theCase: CaseKey,
  consentId: string,
): Promise<{
  reference: string;
  personId: string;
  form: Omit<ConsentFormInput, 'locale' | 'now' | 'letterhead'>;
} | null> {
  const consent = (await listConsents(trx, theCase, danishToday(new Date()))).find(
    (c) => c.id === consentId,
  );
  if (!consent) return null;
  const theCaseRow = await caseReference(trx, theCase);
  return {
    reference: theCaseRow.reference,
    personId: consent.person.id,
    form: {
      reference: theCaseRow.reference,
      personName: consent.person.name,
      custodyHolders: consent.custodyHolders.map((h) => h.name),
      purpose: consent.purpose,
      uses: consent.uses.map((u) => SharingUseSchema.parse(u)),
      categories: consent.categories.map((c) => DataCategorySchema.parse(c)),
      organisations: consent.organisations.map((o) => ({
        name: o.name,
        kind: OrganisationKindSchema.parse(o.kind),
      })),
      organisationKinds: consent.organisationKinds,
      validFrom: consent.validFrom,
      validTo: consent.validTo,
    },
  };
}
