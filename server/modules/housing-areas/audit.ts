import type { CurrentUser } from '../../access/sessions.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The audit entry of a change to a housing area, its parts or its partners, through the one audit
 * writer, in the change's transaction. The area's municipality is the tenant (a partner user has
 * none of their own). Details are ids, codes and counts only. Reads are not audited as reads of
 * personal data: an area's texts are about places and roles, never citizens (docs/housing-areas/areas.md).
 */
function actorRole(user: CurrentUser): string | null {
  return user.roles[0] ?? null;
}

export async function auditAreaChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  municipalityCode: string,
  event: Pick<AuditEvent, 'action' | 'resourceType' | 'resourceId' | 'details'>,
): Promise<void> {
  await writeAudit(trx, ctx.keys.audit, {
    municipalityCode,
    actorUserId: ctx.user.id,
    actorRole: actorRole(ctx.user),
    actorUnitId: ctx.user.unitIds[0] ?? null,
    requestId: ctx.requestId,
    ...event,
  });
}
