import {
  AccessDecisionSchema,
  AccessExemptionSchema,
  AccessItemSourceSchema,
  AccessRequestChannelSchema,
  AccessRequestKindSchema,
  AccessRequestStatusSchema,
} from '../../../shared/access-requests.ts';
import { accessRequestAbilities } from '../../access/access-request-abilities.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { ItemRow, RequestRow, SummaryRow } from './queries.ts';
import {
  AccessItemLineSchema,
  type AccessItem,
  type AccessRequest,
  type AccessRequestSummary,
} from './schema.ts';

/** The request as a list shows it; overdue when not released by the end of its deadline. */
export function presentSummary(row: SummaryRow, today: string): AccessRequestSummary {
  const status = AccessRequestStatusSchema.parse(row.status);
  return {
    id: row.id,
    kind: AccessRequestKindSchema.parse(row.kind),
    status,
    person: {
      id: row.person_id,
      name: `${row.given_name} ${row.family_name}`,
      birthDate: row.birth_date,
    },
    channel: AccessRequestChannelSchema.parse(row.channel),
    receivedOn: row.received_on,
    deadlineOn: row.deadline_on,
    overdue: status !== 'released' && row.deadline_on < today,
    version: row.version,
  };
}

export function presentItem(row: ItemRow): AccessItem {
  return {
    id: row.id,
    position: row.position,
    source: AccessItemSourceSchema.parse(row.source),
    title: row.title,
    lines: AccessItemLineSchema.array().parse(row.lines),
    decision: AccessDecisionSchema.parse(row.decision),
    exemption: row.exemption ? AccessExemptionSchema.parse(row.exemption) : null,
    reason: row.reason,
    redactedLines: row.redacted_lines,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    version: row.version,
  };
}

/** Who reviewed the draft: the users who decided an item (none of them may approve it). */
export function reviewersOf(items: ItemRow[]): string[] {
  return [...new Set(items.flatMap((i) => (i.decided_by ? [i.decided_by] : [])))];
}

export function presentRequest(
  user: CurrentUser,
  row: RequestRow,
  items: ItemRow[],
  today: string,
): AccessRequest {
  const summary = presentSummary(row, today);
  const someone = (id: string | null, name: string | null) =>
    id ? { id, name: name ?? '' } : null;
  return {
    ...summary,
    registeredBy: { id: row.registered_by, name: row.registered_by_name },
    registeredAt: row.registered_at.toISOString(),
    approvedBy: someone(row.approved_by, row.approved_by_name),
    approvedAt: row.approved_at ? row.approved_at.toISOString() : null,
    releasedBy: someone(row.released_by, row.released_by_name),
    releasedAt: row.released_at ? row.released_at.toISOString() : null,
    items: items.map(presentItem),
    abilities: accessRequestAbilities(user, {
      status: summary.status,
      reviewerIds: reviewersOf(items),
      allDecided: items.every((i) => i.decision !== 'pending'),
    }),
  };
}

/**
 * Audit entries of work on requests: one per citizen concerned, in the caller's transaction, in
 * the chain of the caller's municipality, with the purpose `access_request`. Details hold codes
 * and counts only, never free text.
 */
export async function auditAccessRequest(
  trx: Transaction<DB>,
  ctx: RequestContext,
  municipalityCode: string,
  entries: {
    action: AuditEvent['action'];
    resourceId: string | null;
    personId: string;
    details?: Record<string, string | number | boolean | null>;
  }[],
): Promise<void> {
  if (entries.length === 0) return;
  const place = { municipalityCode, unitId: ctx.user.unitIds[0] ?? null, breakGlass: false };
  await writeAudit(
    trx,
    ctx.keys.audit,
    entries.map((e) =>
      recordEvent(ctx.user, place, {
        action: e.action,
        resourceType: 'access_request',
        resourceId: e.resourceId,
        subjectPersonId: e.personId,
        purpose: PURPOSES.accessRequest,
        requestId: ctx.requestId,
        ...(e.details && { details: e.details }),
      }),
    ),
  );
}
