import { sql, type Expression, type Kysely, type Transaction } from 'kysely';
import type { NotificationKind } from '../../../shared/values.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The one writer of the `notifications` table. A module that wants someone told calls one of
 * these inside its own transaction; the notice is stored with it or not at all. The web app
 * renders the text from `kind` (web/src/modules/notifications); details hold ids only, never a
 * name or any other personal data. The kinds are listed once, in shared/values.ts. A notice
 * naming a case or an inquiry gets that record's tenant key from the database.
 */
export type NotificationDetails = Record<string, string>;

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  caseId?: string | null;
  inquiryId?: string | null;
  details?: NotificationDetails;
}

/** Stores the given notices (none is fine). */
export async function notify(
  trx: Transaction<DB> | Kysely<DB>,
  notices: readonly NewNotification[],
): Promise<number> {
  if (notices.length === 0) return 0;
  const result = await trx
    .insertInto('notifications')
    .values(
      notices.map((n) => ({
        user_id: n.userId,
        kind: n.kind,
        case_id: n.caseId ?? null,
        inquiry_id: n.inquiryId ?? null,
        details: JSON.stringify(n.details ?? {}),
      })),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

/** The columns a set-based selection of recipients yields, one row per notice. */
export interface RecipientRow {
  user_id: string;
  kind: NotificationKind;
  case_id: string | null;
  inquiry_id: string | null;
  details: unknown;
}

/**
 * Stores one notice per row of `recipients`, a selection the calling module builds over its own
 * tables (set-based, so a notice to many is one statement). Use `recipientColumns` for the
 * constant columns.
 */
export async function notifyFrom(
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

/**
 * A notice for each active coordinator of the case (but not `except`, usually the one who caused
 * it). The case's members are matched by its id and its tenant key (`CaseKey`).
 */
export async function notifyCaseCoordinators(
  trx: Transaction<DB>,
  theCase: CaseKey,
  kind: NotificationKind,
  details: NotificationDetails = {},
  except: string | null = null,
): Promise<number> {
  let recipients = trx
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', ...recipientColumns({ kind, caseId: theCase.caseId, details })])
    .where('m.case_id', '=', theCase.caseId)
    .where('m.municipality_code', '=', theCase.municipalityCode)
    .where('m.role', '=', 'coordinator')
    .where('u.disabled_at', 'is', null);
  if (except) recipients = recipients.where('m.user_id', '!=', except);
  return notifyFrom(trx, recipients);
}

/** Marks one of the user's notices read; false when it is not theirs or does not exist. */
export async function markRead(
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
