import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import {
  CreateInterventionTypeBody,
  InterventionTypeIdParams,
  InterventionTypeListSchema,
  InterventionTypeQuery,
  InterventionTypeSchema,
  LoadStandardBody,
  LoadStandardResultSchema,
  UpdateInterventionTypeBody,
} from './schema.ts';
import * as service from './service.ts';

/**
 * The interventions catalogue (indsatskatalog) of the caller's municipality. Reading is for
 * everyone who works with cases or administers (`catalogue.read`); changes and loading the
 * standard catalogue need `catalogue.manage`. A type of another municipality answers 404.
 */
export const interventionRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['interventions']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/intervention-types',
      {
        policy: 'catalogue.read',
        summary: "The interventions catalogue of the caller's municipality, by level and name",
        querystring: InterventionTypeQuery,
        response: { 200: InterventionTypeListSchema },
      },
      async (request) => ({
        items: await service.listTypes(ctx(request), request.query),
      }),
    );

    route.post(
      '/api/intervention-types',
      {
        policy: 'catalogue.manage',
        summary: "Add an intervention type to the caller's catalogue (a taken code answers 409)",
        body: CreateInterventionTypeBody,
        response: { 201: InterventionTypeSchema },
      },
      async (request, reply) => {
        const type = await service.createType(ctx(request), request.body);
        return reply.status(201).send(type);
      },
    );

    route.patch(
      '/api/intervention-types/:id',
      {
        policy: 'catalogue.manage',
        summary: 'Change an intervention type (optimistic locking by version; the code stays)',
        params: InterventionTypeIdParams,
        body: UpdateInterventionTypeBody,
        response: { 200: InterventionTypeSchema },
      },
      async (request) => service.updateType(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/intervention-types/load-standard',
      {
        policy: 'catalogue.manage',
        summary: 'Load the standard catalogue into an empty catalogue (otherwise nothing changes)',
        body: LoadStandardBody,
        response: { 200: LoadStandardResultSchema },
      },
      async (request) => service.loadStandard(ctx(request)),
    );
  };
