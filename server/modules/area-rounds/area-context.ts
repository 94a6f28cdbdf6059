import type { Transaction } from 'kysely';
import {
  areaAbilities,
  requireArea,
  requireAreaRight,
  type AreaAbilities,
  type AreaAccess,
} from '../../access/area-access.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { areaPartsOf } from '../housing-areas/queries-parts.ts';

/**
 * What every round service starts with: the area and the caller's standing in it (404 for an
 * area the caller may not see), the abilities area-access.ts decides, and the audit entry of a
 * write (ids and codes only; the area's municipality is the chain, also for a partner).
 */
export interface RoundScope {
  access: AreaAccess;
  abilities: AreaAbilities;
}

export async function areaScope(ctx: RequestContext, areaId: string): Promise<RoundScope> {
  const access = await requireArea(ctx.db, ctx.user, areaId);
  return { access, abilities: areaAbilities(access, ctx.user) };
}

/**
 * The scope read again with the write's transaction, inside it, and the right the write needs: a
 * partner's grant revoked or a standing lost since the request's first read refuses the write
 * (404 or 403) instead of landing one more.
 */
export async function areaScopeIn(
  trx: Transaction<DB>,
  ctx: RequestContext,
  areaId: string,
  right: (abilities: AreaAbilities) => boolean,
): Promise<RoundScope> {
  const access = await requireArea(trx, ctx.user, areaId);
  const abilities = areaAbilities(access, ctx.user);
  requireAreaRight(right(abilities));
  return { access, abilities };
}

export async function auditRoundWrite(
  trx: Transaction<DB>,
  ctx: RequestContext,
  scope: RoundScope,
  event: Pick<AuditEvent, 'action' | 'resourceType' | 'resourceId' | 'details'>,
): Promise<void> {
  await writeAudit(trx, ctx.keys.audit, {
    municipalityCode: scope.access.municipalityCode,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.roles[0] ?? null,
    actorUnitId: ctx.user.unitIds[0] ?? null,
    requestId: ctx.requestId,
    ...event,
    details: { areaId: scope.access.areaId, standing: scope.access.standing, ...event.details },
  });
}

/** The area's live zones and places (archived ones are no level for new knowledge). */
export async function livePartIds(
  db: RequestContext['db'],
  scope: RoundScope,
): Promise<Set<string>> {
  const parts = await areaPartsOf(db, scope.access.municipalityCode, scope.access.areaId);
  return new Set(parts.filter((p) => !p.archived).map((p) => p.id));
}

export async function partsForWeb(db: RequestContext['db'], scope: RoundScope) {
  if (!scope.abilities.readMap) return [];
  const parts = await areaPartsOf(db, scope.access.municipalityCode, scope.access.areaId);
  return parts.map((p) => ({ id: p.id, level: p.level, name: p.name, zoneId: p.zoneId }));
}
