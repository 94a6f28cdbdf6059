import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { AppError } from '../../platform/errors.ts';
import { NotificationIdParams, NotificationListSchema } from './schema.ts';
import { latestNotifications } from './queries.ts';
import { markRead } from './service.ts';

export type { NotificationList } from './schema.ts';

/**
 * The caller's own in-app notifications (schema.ts): the latest, and marking one read. The
 * notices are written by the modules through service.ts, never here.
 */
export const notificationRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['notifications']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/notifications',
      {
        policy: 'session',
        summary: "The caller's latest notifications (at most 50) and the number unread",
        response: { 200: NotificationListSchema },
      },
      async (request) => {
        const { db, user } = ctx(request);
        return latestNotifications(db, user);
      },
    );

    route.post(
      '/api/notifications/:id/read',
      {
        policy: 'session',
        summary: 'Mark one of the caller’s notifications as read',
        params: NotificationIdParams,
        response: { 204: z.null() },
      },
      async (request, reply) => {
        const { db, user } = ctx(request);
        if (!(await markRead(db, user.id, request.params.id))) throw new AppError('not_found');
        return reply.code(204).send(null);
      },
    );
  };
