import type { Transaction } from 'kysely';
import {
  areaAbilities,
  requireArea,
  requireAreaRight,
  type AreaAccess,
} from '../../access/area-access.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The area analysis and plan's shared steps: the caller's standing in the area (404 for an area
 * they may not see), the right to read the texts (the area's team and the forum managers; a
 * partner or a leader with aggregates only gets 403: they know the area, but the plan's texts
 * are not theirs — the aggregates view shows them counts), and the audit entry of a change (ids, numbers and statuses only).
 * The texts are about places, groups and roles, not citizens: reading them is not audited as a
 * read of personal data.
 */
export interface AreaPlanAccess {
  access: AreaAccess;
  abilities: ReturnType<typeof areaAbilities>;
}

export async function planAccess(
  ctx: RequestContext,
  db: RequestContext['db'],
  areaId: string,
): Promise<AreaPlanAccess> {
  const access = await requireArea(db, ctx.user, areaId);
  const abilities = areaAbilities(access, ctx.user);
  requireAreaRight(abilities.readPlan);
  return { access, abilities };
}

export async function auditAreaPlanChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: AreaAccess,
  fields: Pick<AuditEvent, 'action' | 'resourceType' | 'resourceId' | 'details'>,
): Promise<void> {
  await writeAudit(trx, ctx.keys.audit, {
    municipalityCode: access.municipalityCode,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.roles[0] ?? null,
    actorUnitId: ctx.user.unitIds[0] ?? null,
    requestId: ctx.requestId,
    ...fields,
    details: { areaId: access.areaId, ...fields.details },
  });
}
