import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DataCategory } from '../../../shared/sharing.ts';
import type { CaseRole, CaseScope } from '../../../shared/values.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { translate } from '../../platform/i18n/index.ts';
import { danishToday } from '../cases/chronology.ts';
import { recordDisclosure } from './register-entry.ts';

/**
 * Disclosures the product makes itself and so registers itself (issue 13 part 2: "entries the
 * product can create itself, it creates"; docs/DISCLOSURES.md lists them). Each is written in the
 * transaction of the action that hands the information out, with channel `product` and the
 * action as its `productSource`. The entry's texts are the register's (Danish) words.
 */

const da = (key: string, params?: Record<string, string>) =>
  translate('da', `disclosures.productEntries.${key}`, params);

/**
 * A contribution to an inquiry's assessment by a municipal user, shared with a forum the police
 * sit in (the Infohus procedure): the contribution leaves the municipality's team for the police,
 * under the legal basis the contribution names. One entry per contribution (its id).
 */
export async function recordContributionShared(
  trx: Transaction<DB>,
  ctx: RequestContext,
  shared: {
    contributionId: string;
    municipalityCode: string;
    forumName: string;
    /** The contribution's legal basis code (inquiries/schema.ts LegalBasisSchema). */
    legalBasis: string;
    personIds: string[];
    unitId: string | null;
  },
): Promise<void> {
  if (shared.personIds.length === 0) return;
  await recordDisclosure(trx, ctx, {
    id: shared.contributionId,
    caseId: null,
    municipalityCode: shared.municipalityCode,
    disclosedOn: danishToday(new Date()),
    recipient: {
      organisation: da('contribution.recipient', { forum: shared.forumName }),
      kind: 'police',
      person: null,
    },
    categories: ['concern'],
    documents: da('contribution.documents'),
    legalBasis: da(`legalBases.${shared.legalBasis}`),
    purpose: da('contribution.purpose'),
    decidedBy: ctx.user.displayName,
    channel: 'product',
    productSource: 'inquiry_contribution',
    personIds: shared.personIds,
    unitId: shared.unitId,
  });
}

/**
 * A police user added to a case (as a member, or in the forum's place): the police receive
 * standing access to the case's information under retsplejeloven § 115, for crime prevention only
 * (the purpose limit every police reader carries, `purposeLimitOf` in access/records.ts). What
 * they may see follows their place: with the whole case its history, plan and interventions, and
 * as forum or coordinator the concern too; with an intervention scope only the interventions.
 */
export async function recordPoliceMemberAdded(
  trx: Transaction<DB>,
  ctx: RequestContext,
  added: {
    caseId: string;
    municipalityCode: string;
    memberName: string;
    role: CaseRole;
    scope: CaseScope;
    personIds: string[];
    unitId: string | null;
  },
): Promise<void> {
  if (added.personIds.length === 0) return;
  const categories: DataCategory[] =
    added.scope === 'full'
      ? [
          'case_history',
          'plan',
          'interventions',
          ...(added.role === 'member' ? [] : ['concern' as const]),
        ]
      : ['interventions'];
  await recordDisclosure(trx, ctx, {
    id: randomUUID(),
    caseId: added.caseId,
    municipalityCode: added.municipalityCode,
    disclosedOn: danishToday(new Date()),
    recipient: {
      organisation: da('policeMember.recipient'),
      kind: 'police',
      person: added.memberName,
    },
    categories,
    documents: da(`policeMember.documents.${added.scope}`),
    legalBasis: da('legalBases.rpl_115'),
    purpose: da('policeMember.purpose'),
    decidedBy: ctx.user.displayName,
    channel: 'product',
    productSource: 'case_member_police',
    personIds: added.personIds,
    unitId: added.unitId,
  });
}
