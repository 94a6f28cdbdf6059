import type { CaseAccess } from '../../access/records.ts';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  auditCaseRead,
  inCaseTransaction,
  recordCaseChange,
  requireOpenCase,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { checkBasisFits } from '../sharing/bases.ts';
import { queueTransferInvitations } from '../../platform/mail-transfer.ts';
import { requireTransferConsent } from './consent.ts';
import { receivingMunicipality } from './municipalities.ts';
import { presentTransfer } from './presenting.ts';
import { notify } from '../notifications/service.ts';
import {
  coordinatorIdsOf,
  insertTransfer,
  mailableCoordinatorIdsOf,
  openTransferOf,
  transferHome,
  transfersOfCase,
} from './queries.ts';
import type { ProposeTransferBody, Transfer, TransferList } from './schema.ts';

/**
 * The sending side of a case transfer (issue 13 part 5, docs/TRANSFERS.md): the case's
 * coordinator proposes the transfer to the municipality the citizen moves to, with a reason, a
 * legal basis that fits a single disclosure to another municipality (the sharing module's fit
 * rule) and what is copied. The receiving municipality's coordinators then accept or decline it
 * (deciding.ts).
 */

/** The case's transfers, newest first (its coordinators); the read is audited. */
export async function listCaseTransfers(
  ctx: RequestContext,
  access: CaseAccess,
): Promise<TransferList> {
  requireCaseAbility(access, 'transfer', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await transfersOfCase(trx, access);
    await auditCaseRead(trx, ctx, access, { what: 'transfers' });
    return { items: rows.map((r) => presentTransfer(r, 'sender')) };
  });
}

/**
 * Proposes the transfer. Refused on its field with nothing stored: the case's own municipality
 * or an unknown one, a basis that does not fit, a basis that requires consent without the case's
 * consent covering the transfer (`body.consentId`), a closed case, a transfer already waiting
 * for an answer. The same id again answers the transfer already proposed; an id
 * used for another case is a 409 (`duplicate`).
 */
export async function proposeTransfer(
  ctx: RequestContext,
  access: CaseAccess,
  body: ProposeTransferBody,
  now = new Date(),
): Promise<{ transfer: Transfer; created: boolean }> {
  const created = await inCaseTransaction(ctx, access, 'transfer', 'write', async (trx, locked) => {
    const existing = await transferHome(trx, body.id);
    if (existing) {
      if (existing.case_id !== access.caseId) throw new AppError('duplicate');
      return false;
    }
    requireOpenCase(locked);
    const to = await receivingMunicipality(trx, access.municipalityCode, body.toMunicipalityCode);
    const day = danishToday(now);
    const parts = [...new Set(body.parts)];
    // The basis must fit a single disclosure to another municipality; one that requires consent
    // also needs the case's consent covering it (consent.ts), checked right after.
    const basis = await checkBasisFits(trx, access.municipalityCode, body.legalBasis, {
      organisationKind: 'other_municipality',
      use: 'single_disclosure',
      day,
      consentValid: true,
    });
    const consentId = basis.requiresConsent
      ? await requireTransferConsent(trx, access, { consentId: body.consentId, parts, day })
      : null;
    if (await openTransferOf(trx, access)) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'case.status', code: 'transfer_already_proposed' }],
      });
    }
    await insertTransfer(trx, {
      id: body.id,
      municipality_code: access.municipalityCode,
      case_id: access.caseId,
      to_municipality_code: to.code,
      reason: body.reason,
      legal_basis_key: basis.key,
      legal_basis: `${basis.law} ${basis.section} (${basis.nameDa})`,
      parts,
      proposed_by: ctx.user.id,
      proposed_at: now,
      consent_id: consentId,
    });
    // The receiving coordinators are told that a transfer waits (no case named: it is not
    // theirs): in the app, and by e-mail to those with an address (who proposed it, from where,
    // a link to the incoming list; no personal data — mail-transfer.ts).
    const receivers = await coordinatorIdsOf(trx, to.code);
    await notify(
      trx,
      receivers.map((userId) => ({ userId, kind: 'transfer_incoming' as const })),
    );
    await queueTransferInvitations(trx, {
      toMunicipalityCode: to.code,
      transferId: body.id,
      userIds: await mailableCoordinatorIdsOf(trx, to.code),
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'transfer_proposed',
      changes: { toMunicipality: { from: null, to: to.name } },
      resourceType: 'case_transfer',
      resourceId: body.id,
      details: { toMunicipality: to.code, legalBasis: basis.key },
    });
    return true;
  });
  const rows = await transfersOfCase(ctx.db, access);
  const transfer = rows.find((r) => r.id === body.id);
  if (!transfer) throw new AppError('not_found');
  return { transfer: presentTransfer(transfer, 'sender'), created };
}
