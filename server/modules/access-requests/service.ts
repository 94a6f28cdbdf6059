import type { Transaction } from 'kysely';
import { accessDeadline, latestAccessDeadline } from '../../../shared/access-requests.ts';
import { requireMunicipalUser } from '../../access/municipal-user.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decodeSortCursor, encodeSortCursor } from '../../platform/cursor.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { DateOnly } from '../../platform/primitives.ts';
import type { DB } from '../../platform/db/schema.ts';
import { danishToday } from '../cases/chronology.ts';
import { parseCpr } from '../persons/cpr.ts';
import { personsMatching } from '../persons/queries-duplicates.ts';
import { cprDigest } from '../persons/service.ts';
import { assembleDraft } from './assemble.ts';
import { auditAccessRequest, presentRequest, presentSummary } from './present.ts';
import { thirdPartiesOfPerson } from './queries-draft.ts';
import {
  insertItems,
  insertRequest,
  itemsOfRequest,
  listRequests,
  personOfMunicipality,
  requestById,
  requestIdTaken,
} from './queries.ts';
import type {
  AccessListQuery,
  AccessRequest,
  AccessRequestPage,
  RegisterAccessRequestBody,
} from './schema.ts';

/**
 * "Registrér anmodning om aktindsigt": the request with its kind, the citizen (an id from the
 * person search, checked against the caller's municipality: 404 otherwise), how and when it came
 * and its deadline (computed from the kind unless given). Refused on its field with nothing
 * stored: a receipt in the future, a deadline before the receipt or beyond what the law allows.
 * In one transaction: the request, its draft file (assemble.ts) and the audit entries. The same
 * id again answers the request already there (`created: false`).
 */
export async function registerRequest(
  ctx: RequestContext,
  body: RegisterAccessRequestBody,
  now = new Date(),
): Promise<{ request: AccessRequest; created: boolean }> {
  const mc = requireMunicipalUser(ctx.user);
  const today = danishToday(now);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await requestById(trx, mc, body.id);
    if (existing) {
      if (body.personId && existing.person_id !== body.personId) throw new AppError('duplicate');
      const items = await itemsOfRequest(trx, mc, body.id);
      await auditAccessRequest(trx, ctx, mc, [
        { action: 'read', resourceId: body.id, personId: existing.person_id },
      ]);
      return { request: presentRequest(ctx.user, existing, items, today), created: false };
    }
    if (await requestIdTaken(trx, body.id)) throw new AppError('duplicate');
    const person = await citizenOf(ctx, trx, mc, body);

    const problems: FieldProblem[] = [];
    if (body.receivedOn > today) problems.push({ field: 'body.receivedOn', code: 'in_future' });
    const deadlineOn = body.deadlineOn ?? accessDeadline(body.kind, body.receivedOn);
    const latest = latestAccessDeadline(body.kind, body.receivedOn);
    if (deadlineOn < body.receivedOn) {
      problems.push({ field: 'body.deadlineOn', code: 'access_deadline_before_receipt' });
    } else if (latest && deadlineOn > latest) {
      problems.push({ field: 'body.deadlineOn', code: 'access_deadline_beyond_extension' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    await insertRequest(trx, {
      id: body.id,
      municipalityCode: mc,
      personId: person.id,
      kind: body.kind,
      channel: body.channel,
      receivedOn: body.receivedOn,
      deadlineOn,
      registeredBy: ctx.user.id,
    });
    const draft = await assembleDraft(trx, { id: person.id, municipalityCode: mc }, ctx.language);
    await insertItems(trx, mc, body.id, draft);
    await auditAccessRequest(trx, ctx, mc, [
      {
        action: 'create',
        resourceId: body.id,
        personId: person.id,
        details: { kind: body.kind, items: draft.length },
      },
      ...(await thirdPartyReads(trx, mc, body.id, person.id)),
    ]);
    const row = await requestById(trx, mc, body.id);
    if (!row) throw new AppError('not_found');
    const items = await itemsOfRequest(trx, mc, body.id);
    return { request: presentRequest(ctx.user, row, items, today), created: true };
  });
}

/** One request with its draft items and the caller's abilities; audited as a read. */
export async function getRequest(
  ctx: RequestContext,
  id: string,
  now = new Date(),
): Promise<AccessRequest> {
  const mc = requireMunicipalUser(ctx.user);
  return ctx.db.transaction().execute(async (trx) => {
    const row = await requestById(trx, mc, id);
    if (!row) throw new AppError('not_found');
    const items = await itemsOfRequest(trx, mc, id);
    await auditAccessRequest(trx, ctx, mc, [
      { action: 'read', resourceId: id, personId: row.person_id },
      ...(await thirdPartyReads(trx, mc, id, row.person_id)),
    ]);
    return presentRequest(ctx.user, row, items, danishToday(now));
  });
}

/** A read of each third party the draft names (queries-draft.ts `thirdPartiesOfPerson`). */
async function thirdPartyReads(trx: Transaction<DB>, mc: string, id: string, personId: string) {
  const ids = await thirdPartiesOfPerson(trx, mc, personId);
  return ids.map((thirdParty) => ({
    action: 'read' as const,
    resourceId: id,
    personId: thirdParty,
    details: { thirdParty: true },
  }));
}

/**
 * The citizen a request names: by id — checked against the caller's municipality, 404 otherwise —
 * or by CPR number, found through its keyed digest as the person search does (one registration:
 * else a message on `body.cpr`). Exactly one of the two.
 */
async function citizenOf(
  ctx: RequestContext,
  trx: Transaction<DB>,
  mc: string,
  body: RegisterAccessRequestBody,
) {
  if ((body.personId === undefined) === (body.cpr === undefined)) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.personId', code: 'access_person_one_of' }],
    });
  }
  if (body.personId !== undefined) {
    const person = await personOfMunicipality(trx, mc, body.personId);
    if (!person) throw new AppError('not_found');
    return person;
  }
  const parsed = parseCpr(body.cpr ?? '');
  if (!parsed) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.cpr', code: 'invalid_cpr' }],
    });
  }
  const found = await personsMatching(
    trx,
    mc,
    { column: 'cpr_digest', value: cprDigest(ctx.keys.secret, parsed.digits) },
    2,
  );
  const [person] = found;
  if (!person || found.length > 1) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.cpr', code: person ? 'access_cpr_ambiguous' : 'access_cpr_unknown' }],
    });
  }
  return person;
}

const CURSOR_SORT = 'deadline';

/**
 * The municipality's requests, earliest deadline first in keyset pages, filtered by status, kind
 * and whether overdue. The citizens shown are audited (`search`) in the same transaction.
 */
export async function listRequestPage(
  ctx: RequestContext,
  query: AccessListQuery,
  now = new Date(),
): Promise<AccessRequestPage> {
  const mc = requireMunicipalUser(ctx.user);
  const today = danishToday(now);
  const after = decodeSortCursor(query.after, CURSOR_SORT, DateOnly);
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await listRequests(
      trx,
      mc,
      {
        ...(query.status && { status: query.status }),
        ...(query.kind && { kind: query.kind }),
        ...(query.overdue === 'true' && { overdueOn: today }),
        ...(query.overdue === 'false' && { notOverdueOn: today }),
      },
      after,
      query.limit,
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    await auditAccessRequest(
      trx,
      ctx,
      mc,
      [...new Set(page.map((r) => r.person_id))].map((personId) => ({
        action: 'search' as const,
        resourceId: null,
        personId,
        details: { results: page.length },
      })),
    );
    return {
      items: page.map((r) => presentSummary(r, today)),
      nextCursor:
        rows.length > query.limit && last
          ? encodeSortCursor(CURSOR_SORT, last.deadline_on, last.id)
          : null,
    };
  });
}
