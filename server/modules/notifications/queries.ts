import { sql, type Kysely } from 'kysely';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import { visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationList } from './schema.ts';

/**
 * The notifications module's reads: a user's latest notices. One about a case the caller left or
 * an inquiry decided since is not shown; the break-the-glass notice is the exception: it tells
 * the municipality's other coordinators about a case they need not see. The record a notice
 * names is matched with the notice's tenant key too.
 */
export async function latestNotifications(
  db: Kysely<DB>,
  user: CurrentUser,
): Promise<NotificationList> {
  const rows = await db
    .selectFrom('notifications as n')
    .leftJoin('cases', (join) =>
      join
        .onRef('cases.id', '=', 'n.case_id')
        .onRef('cases.municipality_code', '=', 'n.municipality_code'),
    )
    .leftJoin('inquiries', (join) =>
      join
        .onRef('inquiries.id', '=', 'n.inquiry_id')
        .onRef('inquiries.municipality_code', '=', 'n.municipality_code'),
    )
    .leftJoin('users as actor', (join) =>
      join.on(sql`actor.id::text`, '=', sql`n.details->>'actorUserId'`),
    )
    .select([
      'n.id',
      'n.kind',
      'n.created_at',
      'n.read_at',
      'cases.id as case_id',
      'cases.reference',
      'actor.display_name',
      'inquiries.id as inquiry_id',
      'inquiries.reference as inquiry_reference',
      'inquiries.deadline_at as inquiry_deadline_at',
      sql<number>`count(*) filter (where n.read_at is null) over ()`.as('unread'),
    ])
    .where('n.user_id', '=', user.id)
    .where((eb) =>
      eb.and([
        eb.or([
          eb('n.case_id', 'is', null),
          eb('n.kind', '=', 'break_glass'),
          eb.exists(
            eb
              .selectFrom('cases')
              .select(sql`1`.as('one'))
              .whereRef('cases.id', '=', 'n.case_id')
              .whereRef('cases.municipality_code', '=', 'n.municipality_code')
              .where(visibleCase(user)),
          ),
        ]),
        eb.or([
          eb('n.inquiry_id', 'is', null),
          eb.exists(
            eb
              .selectFrom('inquiries')
              .select(sql`1`.as('one'))
              .whereRef('inquiries.id', '=', 'n.inquiry_id')
              .whereRef('inquiries.municipality_code', '=', 'n.municipality_code')
              .where(visibleInquiry(user)),
          ),
        ]),
      ]),
    )
    .orderBy('n.created_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(50)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      createdAt: r.created_at.toISOString(),
      readAt: r.read_at?.toISOString() ?? null,
      // Break-the-glass notices name a case the reader need not see: no link to it.
      caseId: r.kind === 'break_glass' ? null : r.case_id,
      caseReference: r.reference,
      actorName: r.display_name,
      inquiryId: r.inquiry_id,
      inquiryReference: r.inquiry_reference,
      inquiryDeadlineAt: r.inquiry_deadline_at?.toISOString() ?? null,
    })),
    unread: Number(rows[0]?.unread ?? 0),
  };
}
