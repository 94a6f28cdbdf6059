import { sql, type Transaction } from 'kysely';
import { OPEN_INQUIRY_STATUSES, type DeadlineNoticeKind } from '../../shared/values.ts';
import { PERSONAL_DATA_ROLES } from '../access/policies.ts';
import type { DB } from '../platform/db/schema.ts';

/*
 * The deadline job's SQL (deadlines.ts). The job works across municipalities: it claims the
 * inquiries of all of them, and each recipient is matched to the inquiry's own municipality
 * (`municipality_code`) or its police district.
 */

/** Reminder window when the municipality has no settings row (the column's default). */
export const DEFAULT_REMINDER_HOURS = 4;

/** The notice kinds of the two warnings. */
export interface DeadlineKinds {
  reminder: DeadlineNoticeKind;
  overdue: DeadlineNoticeKind;
}

/**
 * Claims up to `limit` open inquiries that are overdue and not yet reported, or within their
 * municipality's reminder window and not yet reminded (`for update skip locked`), deadline first.
 */
export async function claimDueInquiries(trx: Transaction<DB>, now: Date, limit: number) {
  return trx
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
    .limit(limit)
    .forUpdate()
    .skipLocked()
    .execute();
}

/**
 * Recipients: the active coordinators of the inquiry's municipality and the active members of
 * its forum; each (inquiry, user) once.
 */
function recipients(trx: Transaction<DB>, inquiryIds: string[]) {
  return trx
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
    .where('i.id', 'in', inquiryIds);
}

/** The kind follows from the deadline (locked by the claim). */
function noticeKind(now: Date, kinds: DeadlineKinds) {
  return sql<DeadlineNoticeKind>`case when i.deadline_at <= ${now}::timestamptz
    then ${kinds.overdue} else ${kinds.reminder} end`;
}

/** The in-app notifications of the claimed inquiries, as a selection for `notifyFrom`. */
export function deadlineNotices(
  trx: Transaction<DB>,
  inquiryIds: string[],
  now: Date,
  kinds: DeadlineKinds,
) {
  return recipients(trx, inquiryIds).select([
    'u.id as user_id',
    noticeKind(now, kinds).as('kind'),
    sql<string | null>`null::uuid`.as('case_id'),
    'i.id as inquiry_id',
    sql<unknown>`'{}'::jsonb`.as('details'),
  ]);
}

/** The e-mails of the claimed inquiries (recipients with an address), for `queueMail`. */
export function deadlineMails(
  trx: Transaction<DB>,
  inquiryIds: string[],
  now: Date,
  kinds: DeadlineKinds,
) {
  return recipients(trx, inquiryIds)
    .where('u.email', 'is not', null)
    .select(['u.id as user_id', noticeKind(now, kinds).as('kind'), 'i.id as inquiry_id']);
}
