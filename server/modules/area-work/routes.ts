import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { sendIdentification } from './identification.ts';
import * as interventions from './interventions.ts';
import {
  AreaIdParams,
  AreaInterventionDetailSchema,
  AreaInterventionListSchema,
  AreaInterventionParams,
  ChangeStatusBody,
  CreateAreaInterventionBody,
  FollowUpBody,
  IdentificationBody,
  IdentificationReceiptSchema,
  InterventionListQuery,
  UpdateAreaInterventionBody,
} from './schema.ts';

/**
 * The area work (issue 16 parts 3 and 5; docs/housing-areas/work.md): the identification forms
 * (tools 4a and 4b) that become concern inquiries, and the area interventions of phase 3.
 * server/access/area-access.ts decides per area: no standing in the area answers 404, a standing
 * without the right 403.
 */
export const areaWorkRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['housing-areas']);
    const ctx = contextFor(app, options.keys);

    route.post(
      '/api/housing-areas/:id/identifications',
      {
        policy: 'areas.read',
        summary:
          'Send an identification form (tool 4a or 4b): it becomes a concern inquiry with the area as its context; the sender gets the receipt only (the same id again answers the same receipt, 200)',
        params: AreaIdParams,
        body: IdentificationBody,
        response: { 200: IdentificationReceiptSchema, 201: IdentificationReceiptSchema },
      },
      async (request, reply) => {
        const { created, receipt } = await sendIdentification(
          ctx(request),
          request.params.id,
          request.body,
        );
        return reply.code(created ? 201 : 200).send(receipt);
      },
    );

    route.get(
      '/api/area-interventions',
      {
        policy: 'areas.read',
        summary:
          'Every area intervention of the areas the caller works on (team or forum manager), filtered by kind and status',
        querystring: InterventionListQuery,
        response: { 200: AreaInterventionListSchema },
      },
      async (request) => interventions.listForMunicipality(ctx(request), request.query),
    );

    route.get(
      '/api/housing-areas/:id/interventions',
      {
        policy: 'areas.read',
        summary: "The area's interventions (phase 3), filtered by kind and status",
        params: AreaIdParams,
        querystring: InterventionListQuery,
        response: { 200: AreaInterventionListSchema },
      },
      async (request) => interventions.listForArea(ctx(request), request.params.id, request.query),
    );

    route.post(
      '/api/housing-areas/:id/interventions',
      {
        policy: 'areas.read',
        summary:
          "Record an area intervention with the client's id (201); the same id again answers it (200)",
        params: AreaIdParams,
        body: CreateAreaInterventionBody,
        response: { 200: AreaInterventionDetailSchema, 201: AreaInterventionDetailSchema },
      },
      async (request, reply) => {
        const { created, intervention } = await interventions.createIntervention(
          ctx(request),
          request.params.id,
          request.body,
        );
        return reply.code(created ? 201 : 200).send(intervention);
      },
    );

    route.get(
      '/api/housing-areas/:id/interventions/:interventionId',
      {
        policy: 'areas.read',
        summary: 'One area intervention with its status history and follow-ups',
        params: AreaInterventionParams,
        response: { 200: AreaInterventionDetailSchema },
      },
      async (request) =>
        interventions.getIntervention(
          ctx(request),
          request.params.id,
          request.params.interventionId,
        ),
    );

    route.put(
      '/api/housing-areas/:id/interventions/:interventionId',
      {
        policy: 'areas.read',
        summary: "Change an intervention's content (optimistic locking on version)",
        params: AreaInterventionParams,
        body: UpdateAreaInterventionBody,
        response: { 200: AreaInterventionDetailSchema },
      },
      async (request) =>
        interventions.updateIntervention(
          ctx(request),
          request.params.id,
          request.params.interventionId,
          request.body,
        ),
    );

    route.post(
      '/api/housing-areas/:id/interventions/:interventionId/status',
      {
        policy: 'areas.read',
        summary:
          'Move the status on: planned → active → phasing out (with a monitoring-until date) → ended',
        params: AreaInterventionParams,
        body: ChangeStatusBody,
        response: { 200: AreaInterventionDetailSchema },
      },
      async (request) =>
        interventions.changeStatus(
          ctx(request),
          request.params.id,
          request.params.interventionId,
          request.body,
        ),
    );

    route.post(
      '/api/housing-areas/:id/interventions/:interventionId/follow-ups',
      {
        policy: 'areas.read',
        summary:
          "Record a follow-up (date, what was seen, next follow-up date) with the client's id",
        params: AreaInterventionParams,
        body: FollowUpBody,
        response: { 200: AreaInterventionDetailSchema },
      },
      async (request) =>
        interventions.addFollowUp(
          ctx(request),
          request.params.id,
          request.params.interventionId,
          request.body,
        ),
    );
  };
