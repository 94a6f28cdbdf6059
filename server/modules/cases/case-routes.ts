import type { HTTPMethods } from 'fastify';
import type { z } from 'zod';
import { findCaseAccess, type CaseAccess } from '../../access/records.ts';
import { contextFor, type ContextKeys, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import {
  addRoute,
  routeMethods,
  type RouteHandler,
  type RouteReply,
  type RouteRequest,
  type RouteResult,
  type RouteSpec,
  type ZodApp,
} from '../../platform/route-kit.ts';

/** A case-work route's declaration: as any route's, with the case's id as `:id` in its path. */
export type CaseRouteSpec = Omit<RouteSpec, 'record' | 'params'> & {
  params: z.ZodType<{ id: string }>;
};

/** A case-work handler: the caller's access to the case (found first) and the request context. */
export type CaseRouteHandler<S extends CaseRouteSpec> = (
  access: CaseAccess,
  ctx: RequestContext,
  request: RouteRequest<S>,
  reply: RouteReply<S>,
) => RouteResult<S>;

/**
 * The route methods of case work: `cases.get(url, { policy, summary, params, response },
 * (access, ctx, request, reply) => …)` registers the route as a case record (`record: 'case'`)
 * and, before the handler runs, finds the caller's access to the case named by `:id` (404 for a
 * non-member, exactly as for a missing case) and builds the request context.
 */
export function caseWorkRoutes(app: ZodApp, keys: ContextKeys, tags: string[]) {
  const contextOf = contextFor(app, keys);
  const on =
    (method: HTTPMethods) =>
    <S extends CaseRouteSpec>(url: string, spec: S, handler: CaseRouteHandler<S>) => {
      const withAccess = async (request: RouteRequest<S>, reply: RouteReply<S>) => {
        // `params` is a schema of `{ id: string, … }` (CaseRouteSpec): the case named in the path.
        const { id } = request.params as { id: string };
        const ctx = contextOf(request);
        const access = await findCaseAccess(ctx.db, ctx.user, id);
        if (!access) throw new AppError('not_found');
        return handler(access, ctx, request, reply);
      };
      // The handler's own type checks its answer against the response schemas; the wrapper
      // only awaits the access first, which the generic reply type cannot follow.
      const asRoute = withAccess as unknown as RouteHandler<S & { record: 'case' }>;
      addRoute(app, tags, method, url, { ...spec, record: 'case' }, asRoute);
    };
  return routeMethods(on);
}
