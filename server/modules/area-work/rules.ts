import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';

/**
 * The area work's rules on texts, checked before anything is stored (every problem at once, on
 * its field): an area intervention is about places, roles and groups of professionals, never a
 * citizen, so a text naming a citizen or a record is refused — a CPR number (`area_work_cpr`) or a
 * case or inquiry reference such as H-2026-0012 (`area_work_reference`), by the same rule as the
 * Infohus network's texts (`personalReferenceIn`).
 */
export function refusePersonalReferences(texts: Record<string, string | null | undefined>): void {
  const problems: FieldProblem[] = [];
  for (const [field, value] of Object.entries(texts)) {
    const found = value ? personalReferenceIn(value) : null;
    if (found !== null) {
      const code = found === 'cpr' ? 'area_work_cpr' : 'area_work_reference';
      problems.push({ field: `body.${field}`, code });
    }
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

/** Refuses with one field problem. */
export function refuseField(field: string, code: string): never {
  throw new AppError('validation_failed', { fields: [{ field, code }] });
}

/** The audit event of a write to an area intervention (ids and codes only). */
export function interventionAudit(
  ctx: RequestContext,
  municipalityCode: string,
  fields: Pick<AuditEvent, 'action' | 'resourceId' | 'details'>,
): AuditEvent {
  return {
    municipalityCode,
    actorUserId: ctx.user.id,
    actorRole: ctx.user.roles[0] ?? null,
    actorUnitId: ctx.user.unitIds[0] ?? null,
    requestId: ctx.requestId,
    resourceType: 'area_intervention',
    ...fields,
  };
}
