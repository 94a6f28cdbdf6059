import { sql, type Kysely, type Transaction } from 'kysely';
import { OPEN_INQUIRY_STATUSES, type DeadlineNoticeKind } from '../../shared/values.ts';
import { PERSONAL_DATA_ROLES } from '../access/policies.ts';
import { markDeadlineWarnings } from '../modules/inquiries/queries.ts';
import { notifyFrom } from '../modules/notifications/service.ts';
import type { DB } from '../platform/db/schema.ts';
import { queueMail } from '../platform/mail.ts';

/**
 * The deadline job: warns the people responsible for an open inquiry before its decision
 * deadline, and again when it has passed. Each warning is an in-app notification per recipient
 * and, for recipients with an e-mail address, a row in `email_outbox` (sent by `sendOutbox`).
 *
 * Every inquiry is claimed with `for update skip locked` and marked (`reminder_sent_at`,
 * `overdue_notified_at`) in the same transaction as its notifications, so two app processes
 * never warn twice. Changing the deadline resets the marks (triage), which re-arms the job.
 */

/** Reminder window when the municipality has no settings row (the column's default). */
export const DEFAULT_REMINDER_HOURS = 4;

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
  const claimed = await trx
    .selectFrom('inquiries as i')
    .select(['i.id', 'i.deadline_at'])
    .where('i.status', 'in', OPEN_INQUIRY_STATUSES)
    .where((eb) =>
      eb.or([
        eb.and([eb('i.deadline_at', '<=', now), eb('i.overdue_notified_at', 'is', null)]),
        eb.and([
          eb('i.deadline_at', '>', now),
          eb('i.reminder_sent_at', 'is', null),
          eb(
            'i.deadline_at',
            '<=',
            sql<Date>`${now}::timestamptz + make_interval(hours => coalesce(
              (select s.reminder_hours from municipality_settings s
                where s.municipality_code = i.municipality_code),
              ${DEFAULT_REMINDER_HOURS}))`,
          ),
        ]),
      ]),
    )
    .orderBy('i.deadline_at')
    .orderBy('i.id')
    .limit(BATCH_SIZE)
    .forUpdate()
    .skipLocked()
    .execute();
  if (claimed.length === 0) return { reminders: 0, overdue: 0, claimed: 0 };

  const overdueIds = claimed.filter((r) => r.deadline_at <= now).map((r) => r.id);
  const reminderIds = claimed.filter((r) => r.deadline_at > now).map((r) => r.id);
  const ids = claimed.map((r) => r.id);

  // Recipients: the active coordinators of the inquiry's municipality and the active members of
  // its forum; each (inquiry, user) once. The kind follows from the deadline (locked above).
  const recipients = trx
    .selectFrom('inquiries as i')
    .innerJoin('users as u', (join) =>
      join.on((eb) =>
        eb.and([
          eb('u.disabled_at', 'is', null),
          eb.or([
            eb.and([
              eb('u.municipality_code', '=', eb.ref('i.municipality_code')),
              sql<boolean>`'coordinator' = any(u.roles)`,
            ]),
            // Forum members only while they still may see the inquiry (inquiry-access.ts): a
            // role that works with personal data, in the inquiry's municipality or district.
            eb.and([
              eb.exists(
                eb
                  .selectFrom('forum_members as fm')
                  .select(sql`1`.as('one'))
                  .whereRef('fm.forum_id', '=', 'i.forum_id')
                  .whereRef('fm.user_id', '=', 'u.id'),
              ),
              sql<boolean>`u.roles && ${sql.val([...PERSONAL_DATA_ROLES])}::text[]`,
              eb.or([
                eb('u.municipality_code', '=', eb.ref('i.municipality_code')),
                eb(
                  'u.police_district_id',
                  '=',
                  eb
                    .selectFrom('municipalities as m')
                    .select('m.police_district_id')
                    .whereRef('m.code', '=', 'i.municipality_code'),
                ),
              ]),
            ]),
          ]),
        ]),
      ),
    )
    .where('i.id', 'in', ids);
  const kind = sql<DeadlineNoticeKind>`case when i.deadline_at <= ${now}::timestamptz
    then ${OVERDUE_KIND} else ${REMINDER_KIND} end`;

  await notifyFrom(
    trx,
    recipients.select([
      'u.id as user_id',
      kind.as('kind'),
      sql<string | null>`null::uuid`.as('case_id'),
      'i.id as inquiry_id',
      sql<unknown>`'{}'::jsonb`.as('details'),
    ]),
  );
  await queueMail(
    trx,
    recipients
      .where('u.email', 'is not', null)
      .select(['u.id as user_id', kind.as('kind'), 'i.id as inquiry_id']),
  );
  await markDeadlineWarnings(trx, { reminderIds, overdueIds }, now);
  return { reminders: reminderIds.length, overdue: overdueIds.length, claimed: claimed.length };
}
