import { requireMunicipalUser } from '../../access/municipal-user.ts';
import { randomUUID } from 'node:crypto';
import { requireVersion, AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { translate } from '../../platform/i18n/index.ts';
import { addCaseEvent, danishToday } from '../cases/chronology.ts';
import { recordDisclosure } from '../disclosures/register-entry.ts';
import { municipalityLogo } from '../inquiries/logo.ts';
import { findMunicipality } from '../organisation/queries.ts';
import { packagePdf, packageReference } from './package.ts';
import { auditAccessRequest, presentRequest } from './present.ts';
import { advanceRequest, itemsOfRequest, requestById } from './queries.ts';
import { inRequestTransaction, reread } from './review.ts';
import type { AccessRequest } from './schema.ts';

/** The legal basis the disclosure register records for a release, per kind. */
const LEGAL_BASIS_KEY = {
  party_access: 'accessRequests.legalBasis.party_access',
  data_subject_access: 'accessRequests.legalBasis.data_subject_access',
} as const;

/**
 * "Udlevér": the approved draft released to the citizen. Before approval it is refused (400
 * `access_not_approved` on the version, nothing stored); a stale version is a 409. In one
 * transaction with the request locked: the disclosure register's entry (a disclosure to the
 * citizen, made by the product: `access_request_package`), an `access_request_released` event in
 * the chronology of each case whose information was released, the request marked released, and
 * the audit entries.
 */
export async function releaseRequest(
  ctx: RequestContext,
  id: string,
  version: number,
  now = new Date(),
): Promise<AccessRequest> {
  return inRequestTransaction(ctx, id, async (trx, row, items, mc) => {
    if (row.status !== 'approved') {
      throw new AppError('validation_failed', {
        fields: [
          {
            field: 'body.version',
            code: row.status === 'released' ? 'access_already_released' : 'access_not_approved',
          },
        ],
      });
    }
    requireVersion(row.version, version);
    const today = danishToday(now);
    const released = items.filter((i) => i.decision === 'release' || i.decision === 'redact');
    const disclosureId = randomUUID();
    const t = (key: string) => translate('da', key);
    await recordDisclosure(trx, ctx, {
      id: disclosureId,
      caseId: null,
      municipalityCode: mc,
      disclosedOn: today,
      recipient: {
        organisation: t('accessRequests.recipientOrganisation'),
        kind: 'citizen',
        person: null,
      },
      categories: ['identity', 'case_history', 'documents'],
      documents: `${packageReference(id)}: ${released.length}`,
      legalBasis: t(
        LEGAL_BASIS_KEY[row.kind === 'party_access' ? 'party_access' : 'data_subject_access'],
      ),
      purpose: t('accessRequests.disclosurePurpose'),
      decidedBy: row.approved_by_name ?? ctx.user.displayName,
      channel: 'product',
      productSource: 'access_request_package',
      personIds: [row.person_id],
    });
    const caseIds = [...new Set(released.flatMap((i) => (i.case_id ? [i.case_id] : [])))];
    for (const caseId of caseIds) {
      await addCaseEvent(trx, caseId, ctx.user.id, 'access_request_released', {
        disclosedOn: { from: null, to: today },
      });
    }
    await advanceRequest(trx, mc, id, { status: 'released', userId: ctx.user.id, disclosureId });
    await auditAccessRequest(trx, ctx, mc, [
      {
        action: 'update',
        resourceId: id,
        personId: row.person_id,
        details: {
          released: released.length,
          withheld: items.length - released.length,
          cases: caseIds.length,
        },
      },
    ]);
    return reread(ctx, trx, mc, id, now);
  });
}

/**
 * The released package as a PDF (only after release: 409 `access_not_released` otherwise),
 * audited as an export of the citizen's data in the same transaction.
 */
export async function releasedPackage(
  ctx: RequestContext,
  id: string,
  now = new Date(),
): Promise<{ pdf: Buffer; reference: string }> {
  const mc = requireMunicipalUser(ctx.user);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requestById(trx, mc, id);
    if (!row) throw new AppError('not_found');
    if (row.status !== 'released') {
      throw new AppError('validation_failed', {
        fields: [{ field: 'params.id', code: 'access_not_released' }],
      });
    }
    const items = await itemsOfRequest(trx, mc, id);
    const request = presentRequest(ctx.user, row, items, danishToday(now));
    const municipality = await findMunicipality(trx, mc);
    const logo = await municipalityLogo(trx, mc);
    await auditAccessRequest(trx, ctx, mc, [
      { action: 'export', resourceId: id, personId: row.person_id, details: { package: true } },
    ]);
    const pdf = await packagePdf(request, {
      municipality: municipality?.name ?? mc,
      logo,
      locale: ctx.language,
      now,
    });
    return { pdf, reference: packageReference(id) };
  });
}
