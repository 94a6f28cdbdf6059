import { requireCaseAbility } from '../../access/case-abilities.ts';
import { findCaseAccess, type CaseAccess } from '../../access/records.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decodeCursor, encodeCursor } from '../../platform/cursor.ts';
import { AppError } from '../../platform/errors.ts';
import { readPurpose } from '../cases/chronology.ts';
import { casePersonIds } from '../cases/queries-chronology.ts';
import { caseOfMunicipality } from './queries.ts';
import { readLogPage } from './queries-read-log.ts';
import type { ReadLog } from './schema.ts';

/**
 * The case's read log (GET /api/cases/:id/read-log, issue 13 part 9): who has read the case —
 * role, unit, when, with what purpose — from the audit entries about this case alone, so that the
 * people who know the case notice unusual reading. Readable by the case's coordinators (a member
 * who is not one gets 403, a non-member 404) and by the municipality's data-protection role, who
 * also sees the employees' names. Reading the log is itself a read of the case in the audit
 * trail (and so appears in the log).
 */
export async function caseReadLog(
  ctx: RequestContext,
  caseId: string,
  query: { after?: string; limit: number },
): Promise<ReadLog> {
  const { user } = ctx;
  const dataProtection =
    user.roles.includes('data_protection') &&
    user.municipalityCode !== null &&
    (await caseOfMunicipality(ctx.db, user.municipalityCode, caseId)) !== undefined;
  let access: CaseAccess | undefined;
  if (!dataProtection) {
    access = await findCaseAccess(ctx.db, user, caseId);
    if (!access) throw new AppError('not_found');
    requireCaseAbility(access, 'readLog', 'read');
  }
  const theCase = {
    caseId,
    municipalityCode: access?.municipalityCode ?? user.municipalityCode ?? '',
  };
  const after = decodeCursor(query.after, 'integer');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await readLogPage(trx, theCase, after, query.limit);
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const place = access ?? {
      municipalityCode: theCase.municipalityCode,
      unitId: user.unitIds[0] ?? null,
      breakGlass: false,
    };
    const persons = await casePersonIds(trx, theCase);
    const subjects = persons.length > 0 ? persons : [null];
    await writeAudit(
      trx,
      ctx.keys.audit,
      subjects.map((subjectPersonId) =>
        recordEvent(user, place, {
          action: 'read',
          resourceType: 'case',
          resourceId: caseId,
          subjectPersonId,
          purpose: access ? readPurpose(access) : PURPOSES.dataProtectionReview,
          requestId: ctx.requestId,
          details: { read: 'read_log', entries: page.length },
        }),
      ),
    );
    return {
      items: page.map((r) => ({
        occurredAt: r.occurred_at.toISOString(),
        action: r.action,
        role: r.actor_role,
        unitName: r.unit_name,
        purpose: r.purpose,
        breakGlass: r.break_glass,
        part: r.part,
        ...(dataProtection && { employeeName: r.display_name ?? '' }),
      })),
      nextCursor:
        rows.length > query.limit && last ? encodeCursor(last.occurred_at, last.id) : null,
      employeeNamesShown: dataProtection,
    };
  });
}
