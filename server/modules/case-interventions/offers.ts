import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  earlierCreate,
  inCaseTransaction,
  type LockedCase,
  openedOn,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
} from '../cases/case-work.ts';
import { danishToday } from '../cases/chronology.ts';
import { addMonths } from '../closure/dates.ts';
import {
  cancelLaterRenewals,
  insertOffer,
  insertRenewals,
  selectOfferForUpdate,
  updateOfferRow,
} from './queries-offers.ts';
import { casePerson, choosableType } from './queries-writes.ts';
import type { AnswerOfferBody, MakeOfferBody, OfferBody } from './schema.ts';
import { fail, type Created } from './shared.ts';

/**
 * Offers of voluntary support: the first offer, its answer (a declined first offer schedules
 * renewals 3 and 6 months later) and making a scheduled renewal.
 */

/** An offer is made between the day the case opened and today. */
function offeredOnProblems(offeredOn: string, locked: LockedCase, now: Date): FieldProblem[] {
  if (offeredOn < openedOn(locked)) {
    return [{ field: 'body.offeredOn', code: 'before_case_opened' }];
  }
  return offeredOn > danishToday(now) ? [{ field: 'body.offeredOn', code: 'in_future' }] : [];
}

/** The first offer of voluntary support (round 1, open until answered). */
export async function makeFirstOffer(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof OfferBody>,
  now = new Date(),
): Promise<Created> {
  return inCaseTransaction(ctx, access, 'offers', 'write', async (trx, locked) => {
    const earlier = await earlierCreate(trx, 'case_offers', body.id, access.caseId, 'duplicate');
    if (earlier) return earlier;
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    const person = await casePerson(trx, access, body.personId);
    if (!person) problems.push({ field: 'body.personId', code: 'person_not_in_case' });
    if (body.interventionTypeId !== undefined) {
      const type = await choosableType(trx, access, body.interventionTypeId, false);
      if (!type) {
        problems.push({ field: 'body.interventionTypeId', code: 'intervention_type_unavailable' });
      }
    }
    problems.push(...offeredOnProblems(body.offeredOn, locked, now));
    fail(problems);
    if (!person) throw new AppError('validation_failed');
    const row = await insertOffer(trx, {
      ...(body.id && { id: body.id }),
      case_id: access.caseId,
      person_id: person.id,
      kind: body.kind,
      intervention_type_id: body.interventionTypeId ?? null,
      round: 1,
      status: 'open',
      offered_on: body.offeredOn,
      note: body.note ?? null,
      created_by: ctx.user.id,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'offer_made',
      action: 'create',
      resourceType: 'case_offer',
      resourceId: row.id,
      changes: {
        offer: { from: null, to: body.kind },
        personRole: { from: null, to: person.role },
        round: { from: null, to: 1 },
        offeredOn: { from: null, to: body.offeredOn },
      },
      details: { offerId: row.id, personId: person.id, kind: body.kind, round: 1 },
    });
    return { id: row.id, version: row.version, created: true };
  });
}

async function lockOffer(trx: Transaction<DB>, theCase: CaseKey, offerId: string, version: number) {
  const offer = await selectOfferForUpdate(trx, theCase, offerId);
  if (!offer) throw new AppError('not_found');
  if (offer.version !== version) throw staleVersion(offer.version);
  return offer;
}

/**
 * The answer to an open offer. A declined first offer schedules renewed offers 3 and 6 months
 * later; an accepted renewal cancels the later renewals still scheduled.
 */
export async function answerOffer(
  ctx: RequestContext,
  access: CaseAccess,
  offerId: string,
  body: z.infer<typeof AnswerOfferBody>,
  now = new Date(),
): Promise<{
  id: string;
  version: number;
  scheduled: { id: string; round: number; dueOn: string }[];
  cancelledOfferIds: string[];
}> {
  return inCaseTransaction(ctx, access, 'offers', 'write', async (trx, locked) => {
    const offer = await lockOffer(trx, access, offerId, body.version);
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    if (offer.status !== 'open') problems.push({ field: 'body.answer', code: 'offer_not_open' });
    if (offer.offered_on !== null && body.answeredOn < offer.offered_on) {
      problems.push({ field: 'body.answeredOn', code: 'before_offer_made' });
    }
    if (body.answeredOn > danishToday(now)) {
      problems.push({ field: 'body.answeredOn', code: 'in_future' });
    }
    fail(problems);
    const updated = await updateOfferRow(trx, access, offer.id, {
      status: body.answer,
      answered_on: body.answeredOn,
      ...(body.note !== undefined && { note: body.note }),
    });

    let scheduled: { id: string; round: number; dueOn: string }[] = [];
    let cancelled: string[] = [];
    if (body.answer === 'declined' && offer.round === 1) {
      const renewals = [2, 3].map((round) => ({
        case_id: access.caseId,
        person_id: offer.person_id,
        kind: offer.kind,
        intervention_type_id: offer.intervention_type_id,
        round,
        first_offer_id: offer.id,
        status: 'scheduled',
        due_on: addMonths(body.answeredOn, round === 2 ? 3 : 6),
        created_by: ctx.user.id,
      }));
      const rows = await insertRenewals(trx, renewals);
      scheduled = rows
        .map((r) => ({ id: r.id, round: r.round, dueOn: r.due_on ?? '' }))
        .sort((a, b) => a.round - b.round);
    }
    if (body.answer === 'accepted' && offer.first_offer_id !== null) {
      const rows = await cancelLaterRenewals(trx, access, offer.first_offer_id, offer.round);
      cancelled = rows.map((r) => r.id);
    }
    await recordCaseChange(trx, ctx, access, {
      kind: 'offer_answered',
      resourceType: 'case_offer',
      resourceId: offer.id,
      changes: {
        offer: { from: offer.kind, to: offer.kind },
        round: { from: offer.round, to: offer.round },
        status: { from: 'open', to: body.answer },
        answeredOn: { from: null, to: body.answeredOn },
        ...(scheduled.length > 0 && {
          renewalsScheduled: { from: null, to: scheduled.map((s) => s.dueOn).join(', ') },
        }),
        ...(cancelled.length > 0 && { renewalsCancelled: { from: null, to: cancelled.length } }),
      },
      details: {
        offerId: offer.id,
        round: offer.round,
        answer: body.answer,
        scheduled: scheduled.length,
        cancelled: cancelled.length,
      },
    });
    return { id: offer.id, version: updated.version, scheduled, cancelledOfferIds: cancelled };
  });
}

/** A scheduled renewal is made to the person (it becomes open, waiting for the answer). */
export async function makeRenewal(
  ctx: RequestContext,
  access: CaseAccess,
  offerId: string,
  body: z.infer<typeof MakeOfferBody>,
  now = new Date(),
): Promise<{ id: string; version: number }> {
  return inCaseTransaction(ctx, access, 'offers', 'write', async (trx, locked) => {
    const offer = await lockOffer(trx, access, offerId, body.version);
    requireOpenCase(locked);
    const problems: FieldProblem[] = [];
    if (offer.status !== 'scheduled') {
      problems.push({ field: 'body.offeredOn', code: 'offer_not_scheduled' });
    }
    problems.push(...offeredOnProblems(body.offeredOn, locked, now));
    fail(problems);
    const updated = await updateOfferRow(trx, access, offer.id, {
      status: 'open',
      offered_on: body.offeredOn,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'offer_made',
      resourceType: 'case_offer',
      resourceId: offer.id,
      changes: {
        offer: { from: null, to: offer.kind },
        round: { from: null, to: offer.round },
        offeredOn: { from: null, to: body.offeredOn },
      },
      details: { offerId: offer.id, kind: offer.kind, round: offer.round },
    });
    return { id: offer.id, version: updated.version };
  });
}
