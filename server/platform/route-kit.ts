import type {
  ContextConfigDefault,
  FastifyReply,
  FastifyRequest,
  HTTPMethods,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
  RouteGenericInterface,
  RouteHandlerMethod,
} from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { RecordKind } from '../access/compartment.ts';
import type { PolicyName } from './policy.ts';

/** The Fastify instance a module's routes plugin gets (Zod schemas type requests and replies). */
export type ZodApp = Parameters<FastifyPluginAsyncZod>[0];

/**
 * What a route declares, in one flat object: its access policy (`config.policy`), the record kind
 * its `:id` names (`config.record`, for the authorization matrix and the compartment), and its
 * OpenAPI summary with the Zod schemas of request and response (`schema`).
 */
export interface RouteSpec {
  policy: PolicyName;
  record?: RecordKind;
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  headers?: z.ZodType;
  body?: z.ZodType;
  response?: Partial<Record<number, z.ZodType>>;
  produces?: string[];
}

/** A handler whose request and reply are typed by the route's schemas (as app.get gives). */
export type RouteHandler<S extends RouteSpec> = RouteHandlerMethod<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  RouteGenericInterface,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;
export type RouteRequest<S extends RouteSpec> = FastifyRequest<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  S,
  ZodTypeProvider
>;
export type RouteReply<S extends RouteSpec> = FastifyReply<
  RouteGenericInterface,
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  ContextConfigDefault,
  S,
  ZodTypeProvider
>;
/** What the handler may return: the body of a declared response, or the reply it sent. */
export type RouteResult<S extends RouteSpec> = ReturnType<RouteHandler<S>>;

/** Registers one route: `spec` split into `config` (policy, record) and `schema` (with tags). */
export function addRoute<S extends RouteSpec>(
  app: ZodApp,
  tags: string[],
  method: HTTPMethods,
  url: string,
  spec: S,
  handler: RouteHandler<S>,
): void {
  const { policy, record, ...schema } = spec;
  // S types the handler from the schemas; the object Fastify gets lacks only policy and record.
  app.route<RouteGenericInterface, ContextConfigDefault, S>({
    method,
    url,
    config: { policy, ...(record && { record }) },
    schema: { tags, ...schema } as unknown as S,
    handler,
  });
}

/**
 * The route methods of one module: `route.get(url, { policy, summary, params, response }, handler)`
 * is `app.get(url, { config: { policy }, schema: { tags, summary, params, response } }, handler)`
 * with the module's tags, and the same inference of request and reply from the schemas.
 */
export function routeKit(app: ZodApp, tags: string[]) {
  const on =
    (method: HTTPMethods) =>
    <S extends RouteSpec>(url: string, spec: S, handler: RouteHandler<S>) =>
      addRoute(app, tags, method, url, spec, handler);
  return routeMethods(on);
}

/** `get`, `post`, `put`, `patch` and `delete`, each the route adder `on` makes for its method. */
export function routeMethods<Add>(on: (method: HTTPMethods) => Add) {
  return {
    get: on('GET'),
    post: on('POST'),
    put: on('PUT'),
    patch: on('PATCH'),
    delete: on('DELETE'),
  };
}

/** The route methods routeKit gives, for a function that adds some of a module's routes. */
export type RouteKit = ReturnType<typeof routeKit>;
