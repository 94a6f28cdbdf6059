import type { Expression, Kysely, Transaction } from 'kysely';
import type { NotificationKind } from '../../../shared/values.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import * as writes from './queries-writes.ts';

/**
 * The one writer of the `notifications` table. A module that wants someone told calls one of
 * these inside its own transaction; the notice is stored with it or not at all. The web app
 * renders the text from `kind` (web/src/modules/notifications); details hold ids only, never a
 * name or any other personal data. The kinds are listed once, in shared/values.ts. A notice
 * naming a case or an inquiry gets that record's tenant key from the database.
 */
export type { NotificationDetails, RecipientRow } from './queries-writes.ts';
/** The constant columns of a recipients selection: kind, the record named, and the details. */
export { recipientColumns } from './queries-writes.ts';

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  caseId?: string | null;
  inquiryId?: string | null;
  details?: writes.NotificationDetails;
}

/** Stores the given notices (none is fine). */
export async function notify(
  trx: Transaction<DB> | Kysely<DB>,
  notices: readonly NewNotification[],
): Promise<number> {
  if (notices.length === 0) return 0;
  return writes.insertNotifications(
    trx,
    notices.map((n) => ({
      user_id: n.userId,
      kind: n.kind,
      case_id: n.caseId ?? null,
      inquiry_id: n.inquiryId ?? null,
      details: JSON.stringify(n.details ?? {}),
    })),
  );
}

/**
 * Stores one notice per row of `recipients`, a selection the calling module builds over its own
 * tables (set-based, so a notice to many is one statement). Use `recipientColumns` for the
 * constant columns.
 */
export async function notifyFrom(
  trx: Transaction<DB> | Kysely<DB>,
  recipients: Expression<writes.RecipientRow>,
): Promise<number> {
  return writes.insertNotificationsFrom(trx, recipients);
}

/**
 * A notice for each active coordinator of the case (but not `except`, usually the one who caused
 * it). The case's members are matched by its id and its tenant key (`CaseKey`).
 */
export async function notifyCaseCoordinators(
  trx: Transaction<DB>,
  theCase: CaseKey,
  kind: NotificationKind,
  details: writes.NotificationDetails = {},
  except: string | null = null,
): Promise<number> {
  const recipients = writes.caseCoordinatorRecipients(trx, theCase, kind, details, except);
  return notifyFrom(trx, recipients);
}

/** Marks one of the user's notices read; false when it is not theirs or does not exist. */
export async function markRead(
  db: Kysely<DB>,
  userId: string,
  notificationId: string,
): Promise<boolean> {
  return writes.markNotificationRead(db, userId, notificationId);
}

/**
 * A job's claimed rows of cases, each told to its case's coordinators as `kind` (with the row's
 * details), then marked by `mark` in the same transaction. Returns how many rows there were.
 */
export async function notifyClaimedToCoordinators<
  R extends { id: string; case_id: string; municipality_code: string },
>(
  trx: Transaction<DB>,
  claimed: R[],
  kind: NotificationKind,
  details: (row: R) => writes.NotificationDetails,
  mark: (ids: string[]) => Promise<unknown>,
): Promise<number> {
  if (claimed.length === 0) return 0;
  for (const row of claimed) {
    await notifyCaseCoordinators(
      trx,
      { caseId: row.case_id, municipalityCode: row.municipality_code },
      kind,
      details(row),
    );
  }
  await mark(claimed.map((row) => row.id));
  return claimed.length;
}
