import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import type { ItemAccess } from '../../access/minutes-access.ts';
import { auditCasePersons } from '../cases/chronology.ts';
import { inquiryEvent } from '../inquiries/change.ts';
import { inquiryPersonIds } from '../inquiries/queries.ts';

/**
 * The audit trail of the minutes. Every view of a record's item (in the minutes' page or their
 * PDF) is audited like a view of the record, once per person of the record, with the meeting as
 * the purpose (`PURPOSES.meeting`, issue 14 part 5), in the transaction that reads it. Changes to
 * the minutes are audited by ids only.
 */
export async function auditItemViews(
  trx: Transaction<DB>,
  ctx: RequestContext,
  meetingId: string,
  viewed: { itemId: string; access: ItemAccess }[],
  what: 'minutes' | 'minutes_pdf',
): Promise<void> {
  for (const { itemId, access } of viewed) {
    const details = { meetingId, read: what, agendaItemId: itemId };
    if (access.kind === 'case') {
      await auditCasePersons(trx, ctx, access.access, {
        action: 'read',
        resourceType: 'case',
        resourceId: access.access.caseId,
        purpose: PURPOSES.meeting,
        details,
      });
    } else if (access.kind === 'inquiry') {
      const persons = await inquiryPersonIds(trx, access.access);
      const subjects = persons.length > 0 ? persons : [null];
      await writeAudit(
        trx,
        ctx.keys.audit,
        subjects.map((subjectPersonId) =>
          inquiryEvent(ctx, access.access.municipalityCode, {
            action: 'read',
            resourceId: access.access.inquiryId,
            subjectPersonId,
            purpose: PURPOSES.meeting,
            details,
          }),
        ),
      );
    }
  }
}

/** A change to the minutes (ids, codes and counts only). */
export async function auditMinutesChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  municipalityCode: string,
  change: {
    action: AuditEvent['action'];
    resourceType: 'meeting_minutes' | 'meeting_task';
    resourceId: string;
    details: Record<string, string | number | boolean | null>;
  },
): Promise<void> {
  await writeAudit(
    trx,
    ctx.keys.audit,
    recordEvent(
      ctx.user,
      { municipalityCode, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false },
      { ...change, requestId: ctx.requestId },
    ),
  );
}
