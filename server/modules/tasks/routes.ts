import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { listTasks } from './queries.ts';
import { TaskListQuery, TaskListSchema } from './schema.ts';

/**
 * My tasks: what the caller has to do next across their cases and inquiries (see queries.ts for
 * who gets which kind). Every logged-in user may ask; a user without cases simply has none. The
 * answer holds references only (no names, no text about anyone), so it reads no personal data
 * and writes no audit entries.
 */
export const taskRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['tasks']);
    const ctx = contextFor(app, options.keys);
    route.get(
      '/api/tasks',
      {
        policy: 'session',
        summary:
          "The caller's tasks (follow-ups, renewed offers, re-reviews, approvals, goals, inquiry deadlines), earliest due first",
        querystring: TaskListQuery,
        response: { 200: TaskListSchema },
      },
      async (request) => listTasks(ctx(request), request.query),
    );
  };
