import { z } from 'zod';
import { verifyAuditChains } from '../../platform/audit/verify.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import { CursorTime } from '../../platform/cursor.ts';
import { AppError } from '../../platform/errors.ts';
import type { RequestContext } from '../../platform/context.ts';
import { auditEntryRows } from './queries-audit.ts';
import type { AuditEntry, AuditFilter, AuditList, AuditVerify } from './schema.ts';

/**
 * The audit viewer: the caller's own municipality's entries, newest first, keyset-paginated by
 * (occurred_at, id) with an opaque cursor. Reading the trail is itself recorded, in the same
 * transaction, with the names of the filters used (never their values, which can be personal
 * data such as a person's id).
 */
const CursorSchema = z.tuple([CursorTime, z.number().int().positive()]);

export function encodeCursor(occurredAt: Date, id: number): string {
  return Buffer.from(JSON.stringify([occurredAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { occurredAt: string; id: number } {
  try {
    const [occurredAt, id] = CursorSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    return { occurredAt, id };
  } catch {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.after', code: 'invalid_cursor' }],
    });
  }
}

const FILTER_NAMES = [
  'from',
  'to',
  'actorUserId',
  'action',
  'resourceType',
  'resourceId',
  'subjectPersonId',
  'breakGlass',
] as const;

const Details = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

/** The role that lets the caller read the trail (recorded as the actor's role). */
function readerRole(ctx: RequestContext): string {
  return ctx.user.roles.includes('municipal_admin') ? 'municipal_admin' : 'data_protection';
}

export async function listAuditEntries(
  ctx: RequestContext,
  filter: AuditFilter,
): Promise<AuditList> {
  const municipalityCode = ctx.user.municipalityCode;
  if (!municipalityCode) return { items: [], nextCursor: null };
  const cursor = filter.after ? decodeCursor(filter.after) : undefined;
  if (filter.from && filter.to && filter.from > filter.to) {
    throw new AppError('validation_failed', { fields: [{ field: 'query.to', code: 'invalid' }] });
  }

  return ctx.db.transaction().execute(async (trx) => {
    const rows = await auditEntryRows(trx, municipalityCode, filter, cursor);
    const page = rows.slice(0, filter.limit);
    const last = page.at(-1);

    const used = FILTER_NAMES.filter((name) => filter[name] !== undefined);
    await writeAudit(trx, ctx.keys.audit, {
      municipalityCode,
      actorUserId: ctx.user.id,
      actorRole: readerRole(ctx),
      action: 'read',
      resourceType: 'audit_log',
      requestId: ctx.requestId,
      details: { filters: used.join(','), nextPage: cursor !== undefined, entries: page.length },
    });

    const items = page.map((r): AuditEntry => ({
      id: r.id,
      occurredAt: r.occurred_at.toISOString(),
      actor: r.actor_user_id
        ? { id: r.actor_user_id, username: r.username, displayName: r.display_name }
        : null,
      actorRole: r.actor_role,
      actorUnitId: r.actor_unit_id,
      action: r.action,
      resourceType: r.resource_type,
      resourceId: r.resource_id,
      subjectPersonId: r.subject_person_id,
      purpose: r.purpose,
      legalBasis: r.legal_basis,
      requestId: r.request_id,
      breakGlass: r.break_glass,
      details: Details.catch({}).parse(r.details),
    }));
    return {
      items,
      nextCursor:
        rows.length > filter.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
    };
  });
}

/** Checks the caller's municipality's chain with the audit key (read-only). */
export async function verifyOwnChain(ctx: RequestContext): Promise<AuditVerify> {
  const municipalityCode = ctx.user.municipalityCode;
  if (!municipalityCode) return { ok: true, checked: 0 };
  const result = await verifyAuditChains(ctx.db, ctx.keys.audit, { chainKeys: [municipalityCode] });
  return {
    ok: result.ok,
    checked: result.entries,
    ...(result.firstBroken && {
      firstBroken: {
        seq: result.firstBroken.seq,
        id: result.firstBroken.id,
        reason: result.firstBroken.reason,
      },
    }),
  };
}
