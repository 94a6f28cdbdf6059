import { deadlineAfter, fromLocalTime, localTime } from './deadline.ts';
import { provisionOn } from './provisions.ts';
import type { ChildReportRow } from './queries-child-report.ts';
import { clockStart } from './rules.ts';
import { isProfessionalSource } from '../../../shared/values.ts';
import {
  ReporterEmail,
  type ChildReport,
  type DeadlineState,
  type LegalProvision,
  type MailStatus,
} from './schema-child-report.ts';

/**
 * The report about a child as the inquiry shows it: whether it is (or could be) marked, the
 * statutory clocks (the assessment of immediate help, the acknowledgement to the professional)
 * counted from the provisions the municipality keeps, and who recorded what. Days and hours are
 * Copenhagen time, as the inquiry's own deadline (deadline.ts).
 */

/** The Copenhagen calendar day of an instant, yyyy-mm-dd. */
export function danishDay(instant: Date): string {
  const t = localTime(instant);
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
}

/** Under 18 on the day: the 18th birthday is still to come. */
export function isChildOn(birthDate: string | null, day: string): boolean {
  if (!birthDate) return false;
  const eighteenth = `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
  return day < eighteenth;
}

/**
 * `days` weekdays (Monday to Friday) after `from`, at the same Copenhagen clock time. Public
 * holidays are not skipped: the deadline is at worst a little early, never late.
 */
export function addWorkdays(from: Date, days: number): Date {
  const t = localTime(from);
  let date = new Date(Date.UTC(t.year, t.month - 1, t.day));
  let left = days;
  while (left > 0) {
    date = new Date(date.getTime() + 86_400_000);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return fromLocalTime({
    ...t,
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
  });
}

/** Met or late once done; overdue or pending until then. No deadline: pending. */
export function deadlineState(
  deadline: Date | null,
  doneAt: Date | null,
  now: Date,
): DeadlineState {
  if (doneAt) return deadline && doneAt > deadline ? 'late' : 'met';
  return deadline && now > deadline ? 'overdue' : 'pending';
}

const provided = (p: LegalProvision | null) =>
  p && { section: p.section, law: p.law, confirmed: p.confirmed };

/**
 * A report's two statutory clocks from the provisions in force on the day it was received: the
 * assessment of immediate help (hours) and the acknowledgement (weekdays or hours), both counted
 * from the clock's start; null where no provision gives a deadline.
 */
export function reportDeadlines(
  row: Pick<ChildReportRow, 'received_at' | 'created_at' | 'backdate_reason'>,
  provisions: LegalProvision[],
) {
  const received = danishDay(row.received_at);
  const start = clockStart(row.received_at, row.created_at, row.backdate_reason);
  const help = provisionOn(provisions, 'immediate_help', received);
  const ack = provisionOn(provisions, 'acknowledgement', received);
  const helpDeadline = help?.deadlineHours ? deadlineAfter(start, help.deadlineHours) : null;
  const ackDue = ack?.deadlineWorkdays
    ? addWorkdays(start, ack.deadlineWorkdays)
    : ack?.deadlineHours
      ? deadlineAfter(start, ack.deadlineHours)
      : null;
  return { received, start, help, ack, helpDeadline, ackDue };
}

/** Whether the acknowledgement can be sent: the professional is named and reachable. */
export function acknowledgementPossible(
  row: Pick<ChildReportRow, 'reporter_anonymous' | 'reporter_name' | 'reporter_contact'>,
): boolean {
  return !row.reporter_anonymous && (row.reporter_name ?? row.reporter_contact) !== null;
}

/** The acknowledgement's e-mail as the outbox has it (server/platform/mail.ts `latestMailAbout`). */
export interface AcknowledgementMail {
  status: MailStatus;
  to: string | null;
  at: Date;
}

/** The address kept on the inquiry, else the intake's contact when it is one address. */
export function suggestedEmail(
  row: Pick<ChildReportRow, 'reporter_anonymous' | 'reporter_contact' | 'reporter_email'>,
): string | null {
  if (row.reporter_anonymous) return null;
  if (row.reporter_email) return row.reporter_email;
  const contact = row.reporter_contact?.trim() ?? '';
  return ReporterEmail.safeParse(contact).success ? contact : null;
}

export function childReportOf(
  row: ChildReportRow,
  provisions: LegalProvision[],
  mayRecord: boolean,
  now: Date,
  mail: AcknowledgementMail | undefined = undefined,
): ChildReport {
  const { received, help, ack, helpDeadline, ackDue } = reportDeadlines(row, provisions);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    marked: row.child_report,
    eligible: isChildOn(row.child_birth_date, received) && isProfessionalSource(row.source),
    mayRecord,
    markedAt: iso(row.child_report_marked_at),
    markedBy: row.marked_by_name,
    immediateHelp: {
      provision: provided(help),
      deadlineAt: iso(helpDeadline),
      state: deadlineState(helpDeadline, row.immediate_help_assessed_at, now),
      needed: row.immediate_help_needed,
      assessedAt: iso(row.immediate_help_assessed_at),
      assessedBy: row.assessed_by_name,
    },
    acknowledgement: {
      provision: provided(ack),
      dueAt: iso(ackDue),
      state: deadlineState(ackDue, row.acknowledged_at, now),
      sentAt: iso(row.acknowledged_at),
      sentBy: row.acknowledged_by_name,
      sentTo: row.acknowledged_to,
      possible: acknowledgementPossible(row),
      suggestedEmail: suggestedEmail(row),
      email: mail ? { to: mail.to, status: mail.status, at: mail.at.toISOString() } : null,
    },
  };
}
