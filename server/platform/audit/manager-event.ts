import type { RequestContext } from '../context.ts';
import type { AuditEvent } from './write.ts';

/**
 * The audit event of a change made by one who manages a municipality's shared lists (the forums,
 * the interventions catalogue): coordinators and municipal administrators, recorded with the role
 * that lets them (coordinator first) and their first unit.
 */
export function managerAuditEvent(
  ctx: RequestContext,
  municipalityCode: string,
  resourceType: string,
  fields: Pick<AuditEvent, 'action' | 'resourceId' | 'details'>,
): AuditEvent {
  const { user } = ctx;
  return {
    municipalityCode,
    actorUserId: user.id,
    actorRole: user.roles.includes('coordinator') ? 'coordinator' : 'municipal_admin',
    actorUnitId: user.unitIds[0] ?? null,
    requestId: ctx.requestId,
    resourceType,
    ...fields,
  };
}
