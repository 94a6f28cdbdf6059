import type { Kysely, Transaction } from 'kysely';
import { kindsAllowedIn, type AgendaItemKind } from '../../../shared/agenda.ts';
import { findCaseAccesses } from '../../access/case-abilities.ts';
import {
  mayChangeAgenda,
  mayReadNumbers,
  requireMeeting,
  type MeetingAccess,
} from '../../access/meeting-access.ts';
import { PURPOSES, recordEvent } from '../../access/record-audit.ts';
import type { CaseAccess } from '../../access/records.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Agenda, AgendaItem } from './agenda-schema.ts';
import { agendaItems, visibleInquiryIds, type AgendaItemRow } from './queries-agenda.ts';

/**
 * Need-to-know inside a meeting (issue 14 part 5): the agenda as the caller may see it. Seeing
 * the meeting is not seeing its items: an item about a case or an inquiry is shown only to a
 * caller who may see that record by the record's own rules (`findCaseAccesses`, `visibleInquiry`)
 * — with the case's classification only for those holding its compartment — and a guest sees
 * only the item they were invited to. Every other item is only counted (`hiddenCount`). Each
 * record item shown is audited as a read of the record, with the meeting as the purpose, in the
 * same transaction as the read. The steering group sees a plan approval as the case's reference
 * and the plan's status only.
 */
export async function getAgenda(ctx: RequestContext, meetingId: string): Promise<Agenda> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await requireMeeting(trx, ctx.user, meetingId);
    const { agenda, events } = await readAgenda(trx, ctx, access);
    await writeAudit(trx, ctx.keys.audit, events);
    return agenda;
  });
}

/**
 * The agenda as the caller may see it and the audit entries its reading owes (the caller writes
 * them in its transaction): three statements whatever the agenda's length.
 */
export async function readAgenda(
  db: Kysely<DB> | Transaction<DB>,
  ctx: RequestContext,
  access: MeetingAccess,
): Promise<{ agenda: Agenda; events: AuditEvent[] }> {
  const rows = await agendaItems(db, access.municipalityCode, access.meetingId);
  const reachable = access.onlyItemIds
    ? rows.filter((r) => access.onlyItemIds?.includes(r.id))
    : rows;
  const caseIds = reachable.flatMap((r) => (r.case_id ? [r.case_id] : []));
  const inquiryIds = reachable.flatMap((r) => (r.inquiry_id ? [r.inquiry_id] : []));
  const cases = await findCaseAccesses(db, ctx.user, caseIds);
  const inquiries = await visibleInquiryIds(db, ctx.user, inquiryIds);
  const items: AgendaItem[] = [];
  const events: AuditEvent[] = [];
  for (const row of reachable) {
    const caseAccess = row.case_id ? cases.get(row.case_id) : undefined;
    if (row.case_id && !caseAccess) continue;
    if (row.inquiry_id && !inquiries.has(row.inquiry_id)) continue;
    items.push(present(row, caseAccess, access.forumKind));
    const event = readEvent(ctx, access, row, caseAccess);
    if (event) events.push(event);
  }
  return {
    agenda: {
      meetingId: access.meetingId,
      meetingVersion: access.version,
      forumKind: access.forumKind,
      meetingType: access.meetingType,
      status: access.status,
      mayEdit: mayChangeAgenda(access),
      mayReadNumbers: mayReadNumbers(access),
      allowedKinds: [...kindsAllowedIn(access.forumKind)],
      items,
      hiddenCount: rows.length - items.length,
    },
    events,
  };
}

function present(
  row: AgendaItemRow,
  caseAccess: CaseAccess | undefined,
  forumKind: string,
): AgendaItem {
  const aggregatesOnly = forumKind === 'steering_group';
  const compartment = Boolean(caseAccess?.compartment) && !aggregatesOnly;
  const recordId = row.case_id ?? row.inquiry_id;
  return {
    id: row.id,
    position: row.position,
    kind: row.kind as AgendaItemKind,
    source: row.source as AgendaItem['source'],
    title: row.title,
    description: row.description,
    dueOn: row.due_on,
    version: row.version,
    record:
      recordId && row.reference
        ? {
            type: row.case_id ? 'case' : 'inquiry',
            id: recordId,
            reference: row.reference,
            status: aggregatesOnly ? null : row.record_status,
            planStatus: row.plan_status,
            concernLevel: compartment
              ? (row.concern_level as 'low' | 'moderate' | 'high' | null)
              : null,
            extremismForm: compartment
              ? (row.extremism_form as NonNullable<AgendaItem['record']>['extremismForm'])
              : null,
          }
        : null,
  };
}

/** The audit entry of showing a record's item: a read of the record, for the meeting. */
function readEvent(
  ctx: RequestContext,
  access: MeetingAccess,
  row: AgendaItemRow,
  caseAccess: CaseAccess | undefined,
): AuditEvent | null {
  const recordId = row.case_id ?? row.inquiry_id;
  if (!recordId) return null;
  return recordEvent(
    ctx.user,
    {
      municipalityCode: row.record_municipality_code ?? access.municipalityCode,
      unitId: caseAccess?.unitId ?? ctx.user.unitIds[0] ?? null,
      breakGlass: caseAccess?.breakGlass ?? false,
    },
    {
      action: 'read',
      resourceType: row.case_id ? 'case' : 'inquiry',
      resourceId: recordId,
      subjectPersonId: row.subject_person_id,
      purpose: PURPOSES.meeting,
      requestId: ctx.requestId,
      details: { meetingId: access.meetingId, agendaItemId: row.id },
    },
  );
}
