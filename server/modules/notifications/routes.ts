import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import { visibleCase } from '../../access/records.ts';
import { AppError } from '../../platform/errors.ts';

/**
 * The caller's own in-app notifications, newest first. The web app renders the text from `kind`;
 * a notification names a case or an inquiry by its reference only (never a person), and only
 * while the caller may still see that record (need-to-know, as in every list): one about a case
 * the caller left or an inquiry decided since is not shown. The break-the-glass notice is the
 * exception: it tells the municipality's other coordinators about a case they need not see.
 */
export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
  /** The case a case-work notification is about (to link to it), while the caller may see it. */
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  actorName: z.string().nullable(),
  /** Inquiry notifications (deadline soon, overdue): the inquiry and its current deadline. */
  inquiryId: z.uuid().nullable(),
  inquiryReference: z.string().nullable(),
  inquiryDeadlineAt: z.iso.datetime().nullable(),
});

export const NotificationListSchema = z.object({
  items: z.array(NotificationSchema),
  unread: z.number().int(),
});
export type NotificationList = z.infer<typeof NotificationListSchema>;

export const notificationRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['notifications'];

  app.get(
    '/api/notifications',
    {
      config: { policy: 'session' },
      schema: {
        tags,
        summary: "The caller's latest notifications (at most 50) and the number unread",
        response: { 200: NotificationListSchema },
      },
    },
    async (request) => {
      const user = request.session?.user;
      if (!user) throw new AppError('unauthenticated');
      const rows = await app.database.db
        .selectFrom('notifications as n')
        .leftJoin('cases', 'cases.id', 'n.case_id')
        .leftJoin('inquiries', 'inquiries.id', 'n.inquiry_id')
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
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      config: { policy: 'session' },
      schema: {
        tags,
        summary: 'Mark one of the caller’s notifications as read',
        params: z.object({ id: z.uuid() }).strict(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const result = await app.database.db
        .updateTable('notifications')
        .set({ read_at: sql`coalesce(read_at, now())` })
        .where('id', '=', request.params.id)
        .where('user_id', '=', request.session?.user.id ?? '')
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw new AppError('not_found');
      return reply.code(204).send(null);
    },
  );
};
