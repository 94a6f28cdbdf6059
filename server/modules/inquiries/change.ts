import type { Kysely, Transaction } from 'kysely';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { bumpVersionIf, currentVersion, insertHistory } from './queries.ts';
import type { InquiryKey } from './queries-detail.ts';

/**
 * What every change to an inquiry does: claim the version the user saw (optimistic locking),
 * and, in the same transaction, write the chronology entry and the audit event.
 */
export function inquiryEvent(
  ctx: Pick<RequestContext, 'user' | 'requestId'>,
  municipalityCode: string,
  event: Pick<
    AuditEvent,
    'action' | 'resourceId' | 'subjectPersonId' | 'legalBasis' | 'details'
  > & {
    resourceType?: string;
    purpose?: string;
  },
): AuditEvent {
  return recordEvent(
    ctx.user,
    { municipalityCode, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false },
    {
      resourceType: 'inquiry',
      purpose: PURPOSES.inquiryAssessment,
      requestId: ctx.requestId,
      ...event,
    },
  );
}

/** Bumps the version if it is still the one the user saw; otherwise 409 with the current one. */
export async function claimVersion(trx: Kysely<DB>, key: InquiryKey, version: number) {
  if (await bumpVersionIf(trx, key, version)) return;
  throw new AppError('conflict', {
    meta: { currentVersion: await currentVersion(trx, key) },
  });
}

/**
 * The tail of every change to an inquiry, in its transaction: the chronology entry (`kind`,
 * `changes`) and the audit event about the inquiry.
 */
export async function recordChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: InquiryAccess,
  change: {
    kind: string;
    changes: Record<string, unknown>;
    audit: Pick<AuditEvent, 'action' | 'legalBasis' | 'details'>;
  },
) {
  await insertHistory(trx, access.inquiryId, ctx.user.id, change.kind, change.changes);
  await writeAudit(
    trx,
    ctx.keys.audit,
    inquiryEvent(ctx, access.municipalityCode, { ...change.audit, resourceId: access.inquiryId }),
  );
}
