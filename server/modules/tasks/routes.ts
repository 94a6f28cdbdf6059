import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { listTasks } from './queries.ts';
import { TaskListQuery, TaskListSchema, WorkListSchema } from './schema.ts';
import { workList } from './worklist.ts';

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
    route.get(
      '/api/tasks/work-list',
      {
        policy: 'session',
        summary:
          "The start page's work list: the caller's tasks in sections (overdue, due this week, approvals waiting, new inquiries, cases without assessment or plan, offers), each with its count and first tasks",
        response: { 200: WorkListSchema },
      },
      async (request) => workList(ctx(request)),
    );
  };
