import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { recordEvent } from '../../access/record-audit.ts';
import type { IncomingTransferAccess } from '../../access/transfer-access.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import { danishToday } from '../cases/chronology.ts';
import { addCaseEvent } from '../cases/queries-chronology.ts';
import { caseFactsForTransfer, openCaseFromTransfer } from '../cases/queries-transfer.ts';
import { recordDisclosure } from '../disclosures/register-entry.ts';
import { notifyCaseCoordinators } from '../notifications/service.ts';
import { localTime } from '../inquiries/deadline.ts';
import { nextReference } from '../inquiries/queries.ts';
import { copyPersons } from '../persons/copy.ts';
import { transferCategories, type TransferPart } from '../../../shared/transfers.ts';
import { transferConsentCovers } from './consent.ts';
import { presentTransfer } from './presenting.ts';
import { decideTransfer, incomingTransfer, incomingTransfers, lockTransfer } from './queries.ts';
import type { DeclineTransferBody, Transfer, TransferList } from './schema.ts';

/**
 * The receiving side of a case transfer (issue 13 part 5, docs/TRANSFERS.md): the receiving
 * municipality's coordinators see the transfers addressed to it — neutral facts only until
 * accepted — and accept (a new case of their own is opened as a copy of what the transfer names,
 * "Overtaget fra <kommune>") or decline with a reason. The sending case records either answer in
 * its chronology; an acceptance is also the disclosure register's entry on the sending side.
 * The sending case is not closed here: its coordinator closes it by the closure path (with the
 * four eyes the municipality uses), once the receiving municipality has taken over.
 */

/** The audit entry of the receiving side's read or answer (no person: neutral facts). */
function transferEvent(
  ctx: RequestContext,
  municipalityCode: string,
  action: 'read' | 'update',
  transferId: string | null,
) {
  return recordEvent(
    ctx.user,
    { municipalityCode, unitId: null, breakGlass: false },
    {
      action,
      resourceType: 'case_transfer',
      resourceId: transferId,
      requestId: ctx.requestId,
    },
  );
}

export async function listIncoming(
  ctx: RequestContext,
  municipalityCode: string,
  status: string | undefined,
): Promise<TransferList> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await incomingTransfers(trx, municipalityCode, status);
    await writeAudit(trx, ctx.keys.audit, transferEvent(ctx, municipalityCode, 'read', null));
    return { items: rows.map((r) => presentTransfer(r, 'receiver')) };
  });
}

export async function readIncoming(
  ctx: RequestContext,
  incoming: IncomingTransferAccess,
): Promise<Transfer> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await incomingTransfer(trx, incoming.toMunicipalityCode, incoming.transferId);
    if (!row) throw new AppError('not_found');
    await writeAudit(
      trx,
      ctx.keys.audit,
      transferEvent(ctx, incoming.toMunicipalityCode, 'read', incoming.transferId),
    );
    return presentTransfer(row, 'receiver');
  });
}

async function lockedProposal(
  trx: Transaction<DB>,
  incoming: IncomingTransferAccess,
  version: number,
) {
  const row = await lockTransfer(trx, incoming.transferId, incoming.toMunicipalityCode);
  if (!row) throw new AppError('not_found');
  if (row.status !== 'proposed' || row.version !== version) throw staleVersion(row.version);
  return row;
}

/**
 * Accepts: in one transaction the receiving municipality's case (a copy of the persons'
 * identifying facts and the work summary, as the transfer names), the transfer's answer, the
 * sending case's chronology event and its disclosure entry. A transfer answered meanwhile or a
 * stale version is a 409 with the current version.
 */
export async function acceptTransfer(
  ctx: RequestContext,
  incoming: IncomingTransferAccess,
  version: number,
  now = new Date(),
): Promise<Transfer> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedProposal(trx, incoming, version);
    const from = { caseId: row.case_id, municipalityCode: row.municipality_code };
    const parts = row.parts as TransferPart[];
    // A transfer on the consent basis: the consent must still cover it now, when the copy is made.
    if (
      row.consent_id !== null &&
      !(await transferConsentCovers(trx, from, {
        consentId: row.consent_id,
        parts,
        day: danishToday(now),
      }))
    ) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'transfer.consent', code: 'transfer_consent_no_longer_valid' }],
      });
    }
    const to = incoming.toMunicipalityCode;
    const facts = await caseFactsForTransfer(trx, from);
    if (!facts) throw new AppError('not_found');
    const copyIdentity = row.parts.includes('identity');
    const personIds = facts.persons.map((p) => p.person_id);
    const copies = copyIdentity
      ? await copyPersons(trx, ctx.keys.secret, from.municipalityCode, personIds, to, ctx.user.id)
      : new Map<string, string>();
    const reference = await nextReference(trx, to, 'S', localTime(now).year);
    const caseId = await openCaseFromTransfer(trx, {
      municipalityCode: to,
      reference,
      workSummary: row.parts.includes('work_summary') ? facts.work_summary : null,
      persons: facts.persons.flatMap((p) => {
        const copy = copies.get(p.person_id);
        return copy ? [{ personId: copy, role: p.role, custodyHolder: p.custody_holder }] : [];
      }),
      coordinatorUserId: ctx.user.id,
      fromMunicipality: row.from_name,
      fromReference: facts.reference,
    });
    const decided = await decideTransfer(trx, {
      id: row.id,
      toMunicipalityCode: to,
      version,
      status: 'accepted',
      decidedBy: ctx.user.id,
      decidedAt: now,
      declineReason: null,
      receivedCaseId: caseId,
    });
    if (!decided) throw staleVersion(row.version);
    // The sending case's chronology: the system's event (the actor is of another municipality).
    await addCaseEvent(trx, row.case_id, null, 'transfer_accepted', {
      toMunicipality: { from: null, to: row.to_name },
    });
    await notifyCaseCoordinators(trx, from, 'transfer_answered');
    await recordDisclosure(trx, ctx, {
      id: randomUUID(),
      caseId: row.case_id,
      municipalityCode: row.municipality_code,
      disclosedOn: danishToday(now),
      recipient: { organisation: row.to_name, kind: 'other_municipality', person: null },
      categories: transferCategories(parts),
      documents: row.parts.join(', '),
      legalBasis: row.legal_basis,
      purpose: translate('da', 'transfers.transferPurpose', { reason: row.reason }),
      decidedBy: row.proposed_by_name,
      channel: 'product',
      productSource: 'case_transfer',
      personIds,
      unitId: null,
    });
    const subjects = [...copies.values()];
    await writeAudit(
      trx,
      ctx.keys.audit,
      (subjects.length > 0 ? subjects : [null]).map((subject) =>
        recordEvent(
          ctx.user,
          { municipalityCode: to, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false },
          {
            action: 'create',
            resourceType: 'case',
            resourceId: caseId,
            subjectPersonId: subject,
            requestId: ctx.requestId,
            details: { transferId: row.id },
          },
        ),
      ),
    );
  });
  return readIncoming(ctx, incoming);
}

/** Declines with a reason (required, on `body.reason`); the sending case records the answer. */
export async function declineTransfer(
  ctx: RequestContext,
  incoming: IncomingTransferAccess,
  body: DeclineTransferBody,
  now = new Date(),
): Promise<Transfer> {
  const reason = body.reason?.trim();
  if (!reason) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.reason', code: 'transfer_decline_reason_required' }],
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedProposal(trx, incoming, body.version);
    const decided = await decideTransfer(trx, {
      id: row.id,
      toMunicipalityCode: incoming.toMunicipalityCode,
      version: body.version,
      status: 'declined',
      decidedBy: ctx.user.id,
      decidedAt: now,
      declineReason: reason,
      receivedCaseId: null,
    });
    if (!decided) throw staleVersion(row.version);
    await addCaseEvent(trx, row.case_id, null, 'transfer_declined', {
      toMunicipality: { from: null, to: row.to_name },
    });
    await notifyCaseCoordinators(
      trx,
      { caseId: row.case_id, municipalityCode: row.municipality_code },
      'transfer_answered',
    );
    await writeAudit(trx, ctx.keys.audit, [
      transferEvent(ctx, incoming.toMunicipalityCode, 'update', row.id),
      transferEvent(ctx, row.municipality_code, 'update', row.id),
    ]);
  });
  return readIncoming(ctx, incoming);
}
