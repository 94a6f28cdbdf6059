import { randomUUID } from 'node:crypto';
import {
  forwardingAbilities,
  requireForwardPlace,
  type ForwardingPlace,
} from '../../access/transfer-access.ts';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { translate } from '../../platform/i18n/index.ts';
import { danishToday } from '../cases/chronology.ts';
import { recordDisclosure } from '../disclosures/register-entry.ts';
import {
  closeAsForwarded,
  factsToForward,
  receiveForwardedInquiry,
} from '../inquiries/forwarding.ts';
import { inquiryPersonIds } from '../inquiries/queries.ts';
import { copyPersons } from '../persons/copy.ts';
import { receivingMunicipality } from './municipalities.ts';
import { queueForwardedInquiryMails } from '../../platform/mail-transfer.ts';
import {
  forwardingsOf,
  insertForwarding,
  mailableCoordinatorIdsOf,
  sentForwarding,
  type ForwardingRow,
} from './queries.ts';
import type { ForwardInquiryBody, Forwarding, InquiryForwarding } from './schema.ts';

/**
 * Forwarding an inquiry to the municipality it belongs to (issue 13 part 5, docs/TRANSFERS.md).
 * The receiving municipality gets a copy of what was registered in its inbox, marked
 * "Videresendt fra <kommune>"; the sender's inquiry is closed as forwarded, with its chronology
 * entry and a disclosure register entry (recipient: the municipality). Afterwards the sender sees
 * only that it was forwarded, where and when — never the copy or the work done on it.
 */

function presentForwarding(row: ForwardingRow | undefined): Forwarding | null {
  if (!row) return null;
  return {
    direction: row.direction,
    municipality: { code: row.counterpart_code, name: row.counterpart_name },
    forwardedAt: row.forwarded_at.toISOString(),
    reason: row.reason,
  };
}

/** What the caller's place shows of the inquiry's forwardings; the read is audited. */
export async function forwardingView(
  ctx: RequestContext,
  place: ForwardingPlace,
): Promise<InquiryForwarding> {
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await forwardingsOf(trx, place);
    // The read names the inquiry's persons, as every read of an inquiry does.
    const persons = await inquiryPersonIds(trx, place);
    await writeAudit(
      trx,
      ctx.keys.audit,
      (persons.length > 0 ? persons : [null]).map((subjectPersonId) =>
        recordEvent(
          ctx.user,
          { municipalityCode: place.municipalityCode, unitId: null, breakGlass: false },
          {
            action: 'read',
            resourceType: 'inquiry_forwarding',
            resourceId: place.inquiryId,
            subjectPersonId,
            purpose: PURPOSES.inquiryAssessment,
            requestId: ctx.requestId,
          },
        ),
      ),
    );
    return {
      sent: presentForwarding(rows.find((r) => r.direction === 'sent')),
      received: presentForwarding(rows.find((r) => r.direction === 'received')),
      version: place.version,
      abilities: forwardingAbilities(place),
    };
  });
}

/**
 * Forwards the inquiry. Refused with nothing stored: the caller's own municipality or one the
 * product does not know (on `body.toMunicipalityCode`), an inquiry no longer open (on
 * `inquiry.status`), a stale version (409). The same id again answers the forwarding made
 * (`created: false`); an id used for another inquiry is a 409 (`duplicate`).
 */
export async function forwardInquiry(
  ctx: RequestContext,
  place: ForwardingPlace,
  body: ForwardInquiryBody,
  now = new Date(),
): Promise<{ forwarding: InquiryForwarding; created: boolean }> {
  requireForwardPlace(place);
  const existing = await sentForwarding(ctx.db, body.id);
  if (existing) {
    if (existing.inquiry_id !== place.inquiryId) throw new AppError('duplicate');
    return { forwarding: await forwardingView(ctx, place), created: false };
  }
  if (!forwardingAbilities(place).forward) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'inquiry.status', code: 'transfer_inquiry_not_open' }],
    });
  }
  const from = place.municipalityCode;
  const to = await receivingMunicipality(ctx.db, from, body.toMunicipalityCode);
  await ctx.db.transaction().execute(async (trx) => {
    const facts = await factsToForward(trx, place);
    await closeAsForwarded(trx, ctx, place, {
      version: body.version,
      to: to.code,
      personIds: facts.personIds,
    });
    const copies = await copyPersons(
      trx,
      ctx.keys.secret,
      from,
      facts.personIds,
      to.code,
      ctx.user.id,
    );
    const received = await receiveForwardedInquiry(trx, ctx, {
      to: to.code,
      from,
      facts,
      personIds: facts.personIds.flatMap((id) => copies.get(id) ?? []),
      now,
    });
    // The receiving coordinators are told at once by e-mail (the reference there, the deadline,
    // the link; mail-transfer.ts): the deadline job's warnings come only near the deadline.
    await queueForwardedInquiryMails(trx, {
      inquiryId: received.id,
      userIds: await mailableCoordinatorIdsOf(trx, to.code),
    });
    await insertForwarding(trx, {
      id: body.id,
      municipality_code: from,
      inquiry_id: place.inquiryId,
      direction: 'sent',
      counterpart_code: to.code,
      reason: body.reason || null,
      forwarded_at: now,
      forwarded_by: ctx.user.id,
    });
    await insertForwarding(trx, {
      id: randomUUID(),
      municipality_code: to.code,
      inquiry_id: received.id,
      direction: 'received',
      counterpart_code: from,
      reason: body.reason || null,
      forwarded_at: now,
      forwarded_by: null,
    });
    await recordDisclosure(trx, ctx, {
      id: randomUUID(),
      caseId: null,
      municipalityCode: from,
      disclosedOn: danishToday(now),
      recipient: { organisation: to.name, kind: 'other_municipality', person: null },
      categories: ['identity', 'concern'],
      documents: translate('da', 'transfers.forwardingDocuments'),
      legalBasis: translate('da', 'transfers.forwardingBasis'),
      purpose: translate('da', 'transfers.forwardingPurpose'),
      decidedBy: ctx.user.displayName,
      channel: 'product',
      productSource: 'inquiry_forwarding',
      personIds: facts.personIds,
    });
  });
  const forwarded = { ...place, status: 'forwarded', version: body.version + 1 };
  return { forwarding: await forwardingView(ctx, forwarded), created: true };
}
