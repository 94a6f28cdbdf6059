import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { grantCaseAccess } from '../../access/records.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { compareNetworkMaps, listNetworkMaps } from './reading.ts';
import {
  CompareQuery,
  CreateNetworkMapBody,
  FinaliseNetworkMapBody,
  NetworkMapBody,
  NetworkMapComparisonSchema,
  NetworkMapListSchema,
  NetworkMapParams,
  NetworkMapResponse,
} from './schema.ts';
import { createNetworkMap, finaliseNetworkMap, updateNetworkMap } from './writing.ts';

/**
 * The case's network analysis map (issue 15 part 5; docs/NETWORK_MAP.md): every version, a new
 * version (a copy of the latest), the draft edited and finalised, two versions compared. Members
 * with the whole case who hold the compartment; non-members get 404, as for a missing case.
 */
export const networkMapRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['cases']);

    cases.get(
      '/api/cases/:id/network-maps',
      {
        policy: 'records.read',
        summary:
          "Every version of the case's network analysis map, newest first (members with the whole case and the compartment)",
        params: CaseIdParams,
        response: { 200: NetworkMapListSchema },
      },
      async (access, ctx, request) => {
        const list = await listNetworkMaps(ctx, access);
        grantCaseAccess(request, access);
        return list;
      },
    );

    cases.get(
      '/api/cases/:id/network-maps/compare',
      {
        policy: 'records.read',
        summary:
          'Two versions of the map compared (by default the latest and the one before): relations added, removed, moved closer or further, changed between protective, risky and mixed',
        params: CaseIdParams,
        querystring: CompareQuery,
        response: { 200: NetworkMapComparisonSchema },
      },
      async (access, ctx, request) => {
        const comparison = await compareNetworkMaps(ctx, access, request.query);
        grantCaseAccess(request, access);
        return comparison;
      },
    );

    cases.post(
      '/api/cases/:id/network-maps',
      {
        policy: 'records.read',
        summary:
          'Start a new version of the map (a copy of the latest) with the client’s id (201); the same id again answers that version (200)',
        params: CaseIdParams,
        body: CreateNetworkMapBody,
        response: { 200: NetworkMapResponse, 201: NetworkMapResponse },
      },
      async (access, ctx, request, reply) => {
        const { created, map } = await createNetworkMap(ctx, access, request.body);
        grantCaseAccess(request, access);
        return reply.code(created ? 201 : 200).send({ id: access.caseId, map });
      },
    );

    cases.put(
      '/api/cases/:id/network-maps/:mapId',
      {
        policy: 'records.read',
        summary:
          "Replace the draft's content (optimistic locking on version; a finalised version answers 409)",
        params: NetworkMapParams,
        body: NetworkMapBody,
        response: { 200: NetworkMapResponse },
      },
      async (access, ctx, request) => {
        const map = await updateNetworkMap(ctx, access, request.params.mapId, request.body);
        grantCaseAccess(request, access);
        return { id: access.caseId, map };
      },
    );

    cases.post(
      '/api/cases/:id/network-maps/:mapId/finalise',
      {
        policy: 'records.read',
        summary: 'Finalise the draft: read-only from then on',
        params: NetworkMapParams,
        body: FinaliseNetworkMapBody,
        response: { 200: NetworkMapResponse },
      },
      async (access, ctx, request) => {
        const { mapId } = request.params;
        const map = await finaliseNetworkMap(ctx, access, mapId, request.body.version);
        grantCaseAccess(request, access);
        return { id: access.caseId, map };
      },
    );
  };
