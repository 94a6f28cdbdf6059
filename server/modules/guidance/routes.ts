import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireMunicipalUser } from '../../access/municipal-user.ts';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { GuidanceBody, GuidanceListSchema, GuidanceParams, GuidanceResetBody } from './schema.ts';
import { listGuidance, replaceGuidance, resetGuidance } from './service.ts';

/**
 * Guidance where the work happens (issue 15 part 6; docs/NETWORK_MAP.md "Guidance"): every
 * signed-in user reads their municipality's replacements (the defaults are the web app's);
 * the municipality's administrator replaces a text and resets it to the default.
 */
export const guidanceRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['guidance']);
    const contextOf = contextFor(app, options.keys);

    route.get(
      '/api/guidance',
      {
        policy: 'session',
        summary:
          "The caller's municipality's own guidance texts (a key not listed shows the default)",
        response: { 200: GuidanceListSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        return listGuidance(ctx.db, ctx.user.municipalityCode);
      },
    );

    route.put(
      '/api/admin/guidance/:key',
      {
        policy: 'settings.edit',
        summary:
          'Replace one guidance text of the municipality (version 0 while the default is in use)',
        params: GuidanceParams,
        body: GuidanceBody,
        response: { 200: GuidanceListSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const code = requireMunicipalUser(ctx.user);
        return replaceGuidance(ctx, code, request.params.key, request.body);
      },
    );

    route.post(
      '/api/admin/guidance/:key/reset',
      {
        policy: 'settings.edit',
        summary: "Go back to the product's default text of one guidance key",
        params: GuidanceParams,
        body: GuidanceResetBody,
        response: { 200: GuidanceListSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const code = requireMunicipalUser(ctx.user);
        return resetGuidance(ctx, code, request.params.key, request.body.version);
      },
    );
  };
