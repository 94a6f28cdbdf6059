import { sql, type Expression, type Kysely, type Transaction } from 'kysely';
import type { NotificationKind } from '../../../shared/values.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`): inserts leave it out and the database fills it from the
 * case or inquiry a notice names (db/migrations/0015). The case's members are matched by its id
 * and its key (`CaseKey`). Marking read matches the notice by its id and its user.
 */

/** The notifications module's writes of notifications (and the selection of a case's coordinators). */

/** What a notice's details hold: ids and codes, never a name. */
export type NotificationDetails = Record<string, string>;

/** The columns a set-based selection of recipients yields, one row per notice. */
export interface RecipientRow {
  user_id: string;
  kind: NotificationKind;
  case_id: string | null;
  inquiry_id: string | null;
  details: unknown;
}

/** Stores the notices (at least one); how many were stored. */
export async function insertNotifications(
  trx: Transaction<DB> | Kysely<DB>,
  rows: readonly {
    user_id: string;
    kind: NotificationKind;
    case_id: string | null;
    inquiry_id: string | null;
    details: string;
  }[],
): Promise<number> {
  const result = await trx.insertInto('notifications').values(rows).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** Stores one notice per row of the selection; how many were stored. */
export async function insertNotificationsFrom(
  trx: Transaction<DB> | Kysely<DB>,
  recipients: Expression<RecipientRow>,
): Promise<number> {
  const result = await trx
    .insertInto('notifications')
    .columns(['user_id', 'kind', 'case_id', 'inquiry_id', 'details'])
    .expression(recipients)
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** The constant columns of a recipients selection: kind, the record named, and the details. */
export function recipientColumns(notice: {
  kind: NotificationKind;
  caseId?: string | null;
  inquiryId?: string | null;
  details?: NotificationDetails;
}) {
  return [
    sql<NotificationKind>`${notice.kind}`.as('kind'),
    sql<string | null>`${notice.caseId ?? null}::uuid`.as('case_id'),
    sql<string | null>`${notice.inquiryId ?? null}::uuid`.as('inquiry_id'),
    sql<unknown>`${JSON.stringify(notice.details ?? {})}::jsonb`.as('details'),
  ] as const;
}

/** The case's active coordinators but `except` as recipients of one notice each. */
export function caseCoordinatorRecipients(
  trx: Transaction<DB>,
  theCase: CaseKey,
  kind: NotificationKind,
  details: NotificationDetails,
  except: string | null,
) {
  let recipients = trx
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', ...recipientColumns({ kind, caseId: theCase.caseId, details })])
    .where('m.case_id', '=', theCase.caseId)
    .where('m.municipality_code', '=', theCase.municipalityCode)
    .where('m.role', '=', 'coordinator')
    .where('u.disabled_at', 'is', null);
  if (except) recipients = recipients.where('m.user_id', '!=', except);
  return recipients;
}

/** Marks one of the user's notices read (once); false when it is not theirs or does not exist. */
export async function markNotificationRead(
  db: Kysely<DB>,
  userId: string,
  notificationId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, now())` })
    .where('id', '=', notificationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
