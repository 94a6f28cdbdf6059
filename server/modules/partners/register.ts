import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DataCategory, OrganisationKind } from '../../../shared/sharing.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { casePersonIds } from '../cases/chronology.ts';
import { recordDisclosure } from '../disclosures/register-entry.ts';
import { caseCitizen } from './queries.ts';

/**
 * The disclosure register's entry for what a partner is given (made by the product, GDPR art. 30
 * and 15(1)(c)): at the invitation, the categories its parts share; when the parts are widened,
 * the categories added. About the case's citizen (else the case's persons), in the caller's
 * transaction.
 */
export async function recordPartnerDisclosure(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  entry: {
    day: string;
    organisation: { name: string; kind: OrganisationKind };
    partnerName: string;
    categories: DataCategory[];
    legalBasis: string;
    purpose: string;
  },
): Promise<void> {
  const citizen = await caseCitizen(trx, access);
  await recordDisclosure(trx, ctx, {
    id: randomUUID(),
    caseId: access.caseId,
    municipalityCode: access.municipalityCode,
    disclosedOn: entry.day,
    recipient: {
      organisation: entry.organisation.name,
      kind: entry.organisation.kind,
      person: entry.partnerName,
    },
    categories: entry.categories,
    documents: null,
    legalBasis: entry.legalBasis,
    purpose: entry.purpose,
    decidedBy: ctx.user.displayName,
    channel: 'product',
    productSource: 'partner_access',
    personIds: citizen ? [citizen.id] : await casePersonIds(trx, access),
    unitId: access.unitId,
  });
}
