import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import {
  findActiveHold,
  findHold,
  findRecordReference,
  insertHold,
  liftHoldRow,
  listHolds,
} from './queries-holds.ts';
import type { PlaceLegalHold } from './schema.ts';

/**
 * Legal holds (docs/RETENTION.md): the municipality's administrator places a hold on a case or an
 * inquiry with a reason (a complaint, a court case, the archive's request), which stops its
 * deletion until lifted, again with a reason. The body's record id is checked against the
 * caller's municipality (404 as for a missing one); every change is audited.
 */
function own(ctx: RequestContext): string {
  if (!ctx.user.municipalityCode) throw new AppError('not_found');
  return ctx.user.municipalityCode;
}

export async function holdsOf(ctx: RequestContext) {
  const rows = await listHolds(ctx.db, own(ctx));
  return {
    items: rows.map((r) => ({
      id: r.id,
      recordKind: r.case_id ? ('case' as const) : ('inquiry' as const),
      recordId: (r.case_id ?? r.inquiry_id) as string,
      reference: r.reference,
      reason: r.reason,
      placedAt: new Date(r.placed_at).toISOString(),
      liftedAt: r.lifted_at ? new Date(r.lifted_at).toISOString() : null,
      liftReason: r.lift_reason,
      version: r.version,
    })),
  };
}

export async function placeHold(ctx: RequestContext, body: PlaceLegalHold) {
  const code = own(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    if (await findHold(trx, code, body.id)) return;
    const reference = await findRecordReference(trx, code, body.recordKind, body.recordId);
    if (reference === undefined) throw new AppError('not_found');
    if (await findActiveHold(trx, code, body.recordKind, body.recordId)) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.recordId', code: 'hold_exists' }],
      });
    }
    const inserted = await insertHold(trx, {
      id: body.id,
      municipalityCode: code,
      kind: body.recordKind,
      recordId: body.recordId,
      reason: body.reason,
      userId: ctx.user.id,
    });
    // The id is another municipality's hold: answered as a clash, nothing about that hold told.
    if (!inserted) throw new AppError('conflict');
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'create',
      resourceType: 'legal_hold',
      resourceId: body.id,
      requestId: ctx.requestId,
      details: { recordKind: body.recordKind, recordId: body.recordId },
    });
  });
  return holdsOf(ctx);
}

export async function liftHold(
  ctx: RequestContext,
  id: string,
  body: { reason: string; version: number },
) {
  const code = own(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const hold = await findHold(trx, code, id);
    if (!hold) throw new AppError('not_found');
    if (hold.lifted_at) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'params.id', code: 'hold_lifted' }],
      });
    }
    requireVersion(hold.version, body.version);
    if (!(await liftHoldRow(trx, code, id, body.version, ctx.user.id, body.reason))) {
      throw staleVersion(hold.version);
    }
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode: code,
      actorUserId: ctx.user.id,
      actorRole: 'municipal_admin',
      action: 'update',
      resourceType: 'legal_hold',
      resourceId: id,
      requestId: ctx.requestId,
      details: { lifted: true },
    });
  });
  return holdsOf(ctx);
}
