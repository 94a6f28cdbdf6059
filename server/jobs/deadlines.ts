import type { Kysely, Transaction } from 'kysely';
import type { DeadlineNoticeKind } from '../../shared/values.ts';
import { markDeadlineWarnings } from '../modules/inquiries/queries.ts';
import { notifyFrom } from '../modules/notifications/service.ts';
import type { DB } from '../platform/db/schema.ts';
import { queueMail } from '../platform/mail.ts';
import { claimDueInquiries, deadlineMails, deadlineNotices } from './queries-deadlines.ts';

/**
 * The deadline job: warns the people responsible for an open inquiry before its decision
 * deadline, and again when it has passed. Each warning is an in-app notification per recipient
 * and, for recipients with an e-mail address, a row in `email_outbox` (sent by `sendOutbox`).
 *
 * Every inquiry is claimed with `for update skip locked` and marked (`reminder_sent_at`,
 * `overdue_notified_at`) in the same transaction as its notifications, so two app processes
 * never warn twice. Changing the deadline resets the marks (triage), which re-arms the job.
 */

export { DEFAULT_REMINDER_HOURS } from './queries-deadlines.ts';

export const REMINDER_KIND: DeadlineNoticeKind = 'inquiry_deadline_soon';
export const OVERDUE_KIND: DeadlineNoticeKind = 'inquiry_overdue';

const BATCH_SIZE = 200;

export interface DeadlineJobResult {
  /** Inquiries whose reminder went out in this run. */
  reminders: number;
  /** Inquiries reported overdue in this run. */
  overdue: number;
}

export async function runDeadlineJob(
  db: Kysely<DB>,
  now: Date = new Date(),
): Promise<DeadlineJobResult> {
  const result: DeadlineJobResult = { reminders: 0, overdue: 0 };
  for (;;) {
    const batch = await db.transaction().execute((trx) => warnBatch(trx, now));
    result.reminders += batch.reminders;
    result.overdue += batch.overdue;
    // A short batch means nothing is left (or the rest is locked by another process, which
    // handles it).
    if (batch.claimed < BATCH_SIZE) return result;
  }
}

async function warnBatch(
  trx: Transaction<DB>,
  now: Date,
): Promise<DeadlineJobResult & { claimed: number }> {
  const claimed = await claimDueInquiries(trx, now, BATCH_SIZE);
  if (claimed.length === 0) return { reminders: 0, overdue: 0, claimed: 0 };

  const overdueIds = claimed.filter((r) => r.deadline_at <= now).map((r) => r.id);
  const reminderIds = claimed.filter((r) => r.deadline_at > now).map((r) => r.id);
  const ids = claimed.map((r) => r.id);

  // Each (inquiry, recipient) once; the kind follows from the deadline (locked above).
  const kinds = { reminder: REMINDER_KIND, overdue: OVERDUE_KIND };
  await notifyFrom(trx, deadlineNotices(trx, ids, now, kinds));
  await queueMail(trx, deadlineMails(trx, ids, now, kinds));
  await markDeadlineWarnings(trx, { reminderIds, overdueIds }, now);
  return { reminders: reminderIds.length, overdue: overdueIds.length, claimed: claimed.length };
}
