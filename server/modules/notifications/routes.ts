import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';

/**
 * The caller's own in-app notifications, newest first. The web app renders the text from `kind`;
 * a notification names a case or an inquiry by its reference only (never a person).
 */
export const NotificationSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
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
      const userId = request.session?.user.id ?? '';
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
          'cases.reference',
          'actor.display_name',
          'inquiries.id as inquiry_id',
          'inquiries.reference as inquiry_reference',
          'inquiries.deadline_at as inquiry_deadline_at',
          sql<number>`count(*) filter (where n.read_at is null) over ()`.as('unread'),
        ])
        .where('n.user_id', '=', userId)
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
