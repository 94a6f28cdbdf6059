import type { OrganisationKind } from '../../../shared/sharing.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import {
  AppError,
  requireVersion,
  staleVersion,
  type FieldProblem,
} from '../../platform/errors.ts';
import { inCaseTransaction, recordCaseChange } from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { getBases } from '../sharing/bases.ts';
import { basisText, presentAccesses } from './presenting.ts';
import { consentCovers } from './consent-cover.ts';
import { accessRow, caseCitizen, updateAccess } from './queries.ts';
import { recordPartnerDisclosure } from './register.ts';
import { categoriesOf, checkGrant, partsOf } from './rules.ts';
import type { ChangePartnerAccessBody, EndPartnerAccessBody, PartnerAccess } from './schema.ts';

/**
 * A coordinator changes what a partner sees and until when, or ends the access early: versioned
 * updates (409 when stale) with a reason, each a chronology event in the same transaction. Only
 * an invitation that is still live can be changed or ended (`partner_access_not_live`). Parts
 * widened so that the partner receives categories of data not shared before are a disclosure of
 * those: a product-made entry in the register, in the same transaction.
 */

async function liveRow(
  access: CaseAccess,
  trx: Parameters<Parameters<typeof inCaseTransaction>[4]>[0],
  id: string,
  version: number,
  today: string,
) {
  const row = await accessRow(trx, access, id);
  if (!row) throw new AppError('not_found');
  requireVersion(row.version, version);
  if (row.ended_on !== null || row.ends_on < today) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.version', code: 'partner_access_not_live' }],
    });
  }
  return row;
}

async function reload(
  ctx: RequestContext,
  access: CaseAccess,
  trx: Parameters<Parameters<typeof inCaseTransaction>[4]>[0],
  id: string,
  today: string,
): Promise<PartnerAccess> {
  const row = await accessRow(trx, access, id);
  if (!row) throw new AppError('not_found');
  const [presented] = await presentAccesses(trx, [row], today, ctx.language);
  if (!presented) throw new AppError('not_found');
  return presented;
}

export async function changeAccess(
  ctx: RequestContext,
  access: CaseAccess,
  id: string,
  body: ChangePartnerAccessBody,
  now = new Date(),
): Promise<PartnerAccess> {
  const today = danishToday(now);
  return inCaseTransaction(ctx, access, 'partners', 'write', async (trx) => {
    const row = await liveRow(access, trx, id, body.version, today);
    const problems: FieldProblem[] = [];
    const grant = await checkGrant(trx, access, body, today, problems);
    if (!body.reason) problems.push({ field: 'body.reason', code: 'partner_reason_required' });
    const basis = (await getBases(trx, access.municipalityCode)).find(
      (b) => b.key === row.legal_basis,
    );
    // On a consent basis the citizen's consent must cover the parts as changed, too.
    if (basis?.requiresConsent && problems.length === 0) {
      const citizen = await caseCitizen(trx, access);
      const covered =
        row.consent_id !== null &&
        (await consentCovers(trx, {
          municipalityCode: access.municipalityCode,
          caseId: access.caseId,
          consentId: row.consent_id,
          personId: citizen?.id ?? null,
          organisationId: row.organisation_id,
          organisationKind: row.organisation_kind as OrganisationKind,
          categories: categoriesOf(grant.parts),
          on: today,
        }));
      if (!covered) problems.push({ field: 'body.parts', code: 'partner_consent_not_valid' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const version = await updateAccess(trx, access, id, body.version, {
      parts: grant.parts,
      goal_keys: grant.goalKeys,
      intervention_ids: grant.interventionIds,
      ends_on: body.endsOn,
    });
    if (version === undefined) throw staleVersion(row.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'partner_access_changed',
      resourceType: 'partner_access',
      resourceId: id,
      changes: {
        partnerPerson: { from: row.partner_name, to: row.partner_name },
        partnerParts: { from: row.parts.join(', '), to: grant.parts.join(', ') },
        endsOn: { from: row.ends_on, to: body.endsOn },
        reason: { from: null, to: body.reason },
      },
      details: { parts: grant.parts.join(','), endsOn: body.endsOn },
    });
    const before = new Set(categoriesOf(partsOf(row.parts)));
    const added = categoriesOf(grant.parts).filter((c) => !before.has(c));
    if (added.length > 0) {
      await recordPartnerDisclosure(trx, ctx, access, {
        day: today,
        organisation: {
          name: row.organisation_name,
          kind: row.organisation_kind as OrganisationKind,
        },
        partnerName: row.partner_name,
        categories: added,
        legalBasis: basisText(basis, row.legal_basis, 'da'),
        purpose: row.purpose,
      });
    }
    return reload(ctx, access, trx, id, today);
  });
}

export async function endAccess(
  ctx: RequestContext,
  access: CaseAccess,
  id: string,
  body: EndPartnerAccessBody,
  now = new Date(),
): Promise<PartnerAccess> {
  const today = danishToday(now);
  return inCaseTransaction(ctx, access, 'partners', 'write', async (trx) => {
    const row = await liveRow(access, trx, id, body.version, today);
    if (!body.reason) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.reason', code: 'partner_reason_required' }],
      });
    }
    const version = await updateAccess(trx, access, id, body.version, {
      ended_on: today,
      end_reason: body.reason,
    });
    if (version === undefined) throw staleVersion(row.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'partner_access_ended',
      resourceType: 'partner_access',
      resourceId: id,
      changes: {
        partnerPerson: { from: row.partner_name, to: row.partner_name },
        endedOn: { from: null, to: today },
        reason: { from: null, to: body.reason },
      },
      details: { endedOn: today },
    });
    return reload(ctx, access, trx, id, today);
  });
}
