import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { latestMailAbout, queueMailToAddress } from '../../platform/mail.ts';
import { ACKNOWLEDGEMENT_MAIL_KIND } from '../../platform/mail-templates.ts';
import {
  inquiryAbilitiesByPlace,
  inquiryIsOpen,
  requireInquiryAbility,
} from '../../access/inquiry-abilities.ts';
import type { InquiryAccess } from '../../access/inquiry-access.ts';
import { claimVersion, recordChange } from './change.ts';
import { isProfessionalSource } from '../../../shared/values.ts';
import { childReportOf, danishDay, isChildOn } from './child-report-view.ts';
import { getProvisions } from './provisions.ts';
import { updateInquiryRow } from './queries.ts';
import { findChildReportRow, type ChildReportRow } from './queries-child-report.ts';
import type { ChildReport } from './schema-child-report.ts';

/**
 * Reports about children (underretninger efter Barnets lov, issue 12): the coordinator marks an
 * inquiry about a child from a professional as a report, records within 24 hours whether the
 * child needs immediate help, and acknowledges the report to the professional. Each is a change
 * of the inquiry: the version the user saw, the chronology entry and the audit event in one
 * transaction. The chronology and the audit carry codes and yes/no, never the note.
 */

/** The coordinators of the inquiry record it (the forum assesses the concern, not the report). */
export function mayRecordChildReport(access: InquiryAccess): boolean {
  return inquiryAbilitiesByPlace(access, { triageBy: 'coordinator' }).decide;
}

function requireRecord(access: InquiryAccess) {
  requireInquiryAbility(access, 'decide');
}

async function lockedReport(trx: Transaction<DB>, access: InquiryAccess, version: number) {
  await claimVersion(trx, access, version);
  const row = await findChildReportRow(trx, access);
  if (!row) throw new AppError('not_found');
  return row;
}

function refuse(field: string, code: string): never {
  const fields: FieldProblem[] = [{ field, code }];
  throw new AppError('validation_failed', { fields });
}

/** Why the inquiry cannot be a report about a child, or null when it can. */
export function childReportProblem(
  row: Pick<ChildReportRow, 'source' | 'received_at' | 'child_birth_date'>,
): string | null {
  if (!isChildOn(row.child_birth_date, danishDay(row.received_at))) return 'child_report_not_child';
  if (!isProfessionalSource(row.source)) return 'child_report_not_professional';
  return null;
}

/** Marks the inquiry as a report about a child (or takes the mark off before anything is recorded). */
export async function markChildReport(
  ctx: RequestContext,
  access: InquiryAccess,
  body: { childReport: boolean; version: number },
  now: Date,
): Promise<void> {
  requireRecord(access);
  if (!inquiryIsOpen(access.status)) throw new AppError('inquiry_decided');
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedReport(trx, access, body.version);
    if (body.childReport) {
      const problem = childReportProblem(row);
      if (problem) refuse('body.childReport', problem);
    } else if (row.immediate_help_assessed_at || row.acknowledged_at) {
      refuse('body.childReport', 'child_report_in_progress');
    }
    if (row.child_report === body.childReport) return;
    await updateInquiryRow(trx, access, {
      child_report: body.childReport,
      child_report_marked_at: body.childReport ? now : null,
      child_report_marked_by: body.childReport ? ctx.user.id : null,
    });
    await recordChange(trx, ctx, access, {
      kind: body.childReport ? 'child_report_marked' : 'child_report_unmarked',
      changes: { childReport: { from: row.child_report, to: body.childReport } },
      audit: {
        action: 'update',
        details: { fields: 'child_report', childReport: body.childReport },
      },
    });
  });
}

/** Records, once, whether the child needs immediate help. */
export async function assessImmediateHelp(
  ctx: RequestContext,
  access: InquiryAccess,
  body: { needed: boolean; note: string | null; version: number },
  now: Date,
): Promise<void> {
  requireRecord(access);
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedReport(trx, access, body.version);
    if (!row.child_report) refuse('body.needed', 'child_report_not_marked');
    if (row.immediate_help_assessed_at) refuse('body.needed', 'immediate_help_recorded');
    await updateInquiryRow(trx, access, {
      immediate_help_needed: body.needed,
      immediate_help_note: body.note,
      immediate_help_assessed_at: now,
      immediate_help_assessed_by: ctx.user.id,
    });
    await recordChange(trx, ctx, access, {
      kind: 'immediate_help_assessed',
      changes: { immediateHelpNeeded: body.needed },
      audit: { action: 'update', details: { fields: 'immediate_help', needed: body.needed } },
    });
  });
}

/**
 * Records that the acknowledgement went to the reporting professional (their name and contact
 * from the inquiry). With an e-mail address it is queued in the e-mail outbox in the same
 * transaction (sent by the background job, mail.ts) and the address is kept on the inquiry; the
 * chronology and the audit say that it was e-mailed, never to which address. Idempotent: once
 * recorded, a second send changes nothing and answers the first, whatever version it names.
 */
export async function acknowledgeReport(
  ctx: RequestContext,
  access: InquiryAccess,
  body: { version: number; email?: string | null },
  now: Date,
): Promise<void> {
  requireRecord(access);
  const first = await findChildReportRow(ctx.db, access);
  if (first?.acknowledged_at) return;
  const email = body.email ?? null;
  await ctx.db.transaction().execute(async (trx) => {
    const row = await lockedReport(trx, access, body.version);
    if (!row.child_report) refuse('body', 'child_report_not_marked');
    const to = recipientOf(email ? { ...row, reporter_contact: email } : row);
    if (!to) refuse('body', 'acknowledgement_no_reporter');
    await updateInquiryRow(trx, access, {
      acknowledged_at: now,
      acknowledged_by: ctx.user.id,
      acknowledged_to: to,
      ...(email && { reporter_email: email }),
    });
    if (email) {
      await queueMailToAddress(trx, {
        municipalityCode: access.municipalityCode,
        inquiryId: access.inquiryId,
        kind: ACKNOWLEDGEMENT_MAIL_KIND,
        to: email,
      });
    }
    await recordChange(trx, ctx, access, {
      kind: 'child_report_acknowledged',
      changes: email ? { emailed: true } : {},
      audit: {
        action: 'update',
        details: { fields: 'acknowledgement', emailed: email !== null },
      },
    });
  });
}

/** "Name, contact" of a named reporter; null for an anonymous one or one without either. */
export function recipientOf(
  row: Pick<ChildReportRow, 'reporter_anonymous' | 'reporter_name' | 'reporter_contact'>,
): string | null {
  if (row.reporter_anonymous) return null;
  const parts = [row.reporter_name, row.reporter_contact].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(', ').slice(0, 200) : null;
}

/** The report as the inquiry shows it (in the reading transaction). */
export async function readChildReport(
  trx: Transaction<DB>,
  access: InquiryAccess,
  now: Date,
): Promise<{ childReport: ChildReport; note: string | null }> {
  const row = await findChildReportRow(trx, access);
  if (!row) throw new AppError('not_found');
  const provisions = await getProvisions(trx, access.municipalityCode);
  const mail = row.acknowledged_at
    ? await latestMailAbout(trx, access, ACKNOWLEDGEMENT_MAIL_KIND)
    : undefined;
  return {
    childReport: childReportOf(row, provisions, mayRecordChildReport(access), now, mail),
    note: row.immediate_help_note,
  };
}
