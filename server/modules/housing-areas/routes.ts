import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { areaAggregates } from './aggregates.ts';
import * as areas from './areas.ts';
import { addPart, changePart } from './parts.ts';
import { changePartner, grantPartner, partnerChoices } from './partners.ts';
import {
  AggregatesQuery,
  AggregatesSchema,
  AreaIdParams,
  AreaListQuery,
  AreaListSchema,
  AreaPartParams,
  AreaPartnerParams,
  AreaSchema,
  AreaTeamForumsSchema,
  ChangePartnerBody,
  CreateAreaBody,
  CreatePartBody,
  GrantPartnerBody,
  PartnerCandidatesSchema,
  UpdateAreaBody,
  UpdatePartBody,
  VersionBody,
} from './schema.ts';

/**
 * Housing areas, their zones and places, their partners and the aggregates (issue 16 part 1;
 * docs/housing-areas/areas.md). `areas.read` opens the routes; server/access/area-access.ts
 * decides per area (anyone without a standing gets 404, as for an area that does not exist).
 */
export const housingAreaRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['housing-areas']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/housing-areas',
      {
        policy: 'areas.read',
        summary:
          'The housing areas the caller has a standing in, by name (search, status, cadence; keyset pages)',
        querystring: AreaListQuery,
        response: { 200: AreaListSchema },
      },
      async (request) => areas.listAreas(ctx(request), request.query),
    );

    route.get(
      '/api/housing-areas/aggregates',
      {
        policy: 'areas.read',
        summary:
          "Figures per area of the caller's municipality for a period (counts only: zones, places, partners, identifications …)",
        querystring: AggregatesQuery,
        response: { 200: AggregatesSchema },
      },
      async (request) => areaAggregates(ctx(request), request.query),
    );

    route.get(
      '/api/housing-areas/team-forums',
      {
        policy: 'areas.create',
        summary: "The municipality's forums of kind housing_area (an area's team)",
        response: { 200: AreaTeamForumsSchema },
      },
      async (request) => areas.teamForumChoices(ctx(request)),
    );

    route.post(
      '/api/housing-areas',
      {
        policy: 'areas.create',
        summary:
          "Record a housing area in the caller's municipality with the client's id (201); the same id again answers it (200)",
        body: CreateAreaBody,
        response: { 200: AreaSchema, 201: AreaSchema },
      },
      async (request, reply) => {
        const { created, area } = await areas.createArea(ctx(request), request.body);
        return reply.code(created ? 201 : 200).send(area);
      },
    );

    route.get(
      '/api/housing-areas/:id',
      {
        policy: 'areas.read',
        summary:
          'One area with its zones and places, team forum, partners (managers) and abilities',
        params: AreaIdParams,
        response: { 200: AreaSchema },
      },
      async (request) => areas.getArea(ctx(request), request.params.id),
    );

    route.patch(
      '/api/housing-areas/:id',
      {
        policy: 'areas.read',
        summary:
          "Change an area's name, texts, cadence, shape (edit) or team forum (manage); optimistic locking",
        params: AreaIdParams,
        body: UpdateAreaBody,
        response: { 200: AreaSchema },
      },
      async (request) => areas.updateArea(ctx(request), request.params.id, request.body),
    );

    route.post(
      '/api/housing-areas/:id/archive',
      {
        policy: 'areas.read',
        summary: 'Archive the area (manage): it stays readable and takes nothing new',
        params: AreaIdParams,
        body: VersionBody,
        response: { 200: AreaSchema },
      },
      async (request) => areas.archiveArea(ctx(request), request.params.id, request.body.version),
    );

    route.post(
      '/api/housing-areas/:id/parts',
      {
        policy: 'areas.read',
        summary:
          "Add a zone or place with the client's id (201; the same id again 200); it must lie inside the area or its zone",
        params: AreaIdParams,
        body: CreatePartBody,
        response: { 200: AreaSchema, 201: AreaSchema },
      },
      async (request, reply) => {
        const { created, area } = await addPart(ctx(request), request.params.id, request.body);
        return reply.code(created ? 201 : 200).send(area);
      },
    );

    route.patch(
      '/api/housing-areas/:id/parts/:partId',
      {
        policy: 'areas.read',
        summary: 'Change a zone or place (optimistic locking); a zone must still hold its places',
        params: AreaPartParams,
        body: UpdatePartBody,
        response: { 200: AreaSchema },
      },
      async (request) =>
        changePart(ctx(request), request.params.id, request.params.partId, request.body),
    );

    route.post(
      '/api/housing-areas/:id/parts/:partId/archive',
      {
        policy: 'areas.read',
        summary: 'Archive a zone or place',
        params: AreaPartParams,
        body: VersionBody,
        response: { 200: AreaSchema },
      },
      async (request) =>
        changePart(ctx(request), request.params.id, request.params.partId, {
          version: request.body.version,
          archive: true,
        }),
    );

    route.get(
      '/api/housing-areas/:id/partner-candidates',
      {
        policy: 'areas.read',
        summary:
          "Users the area's managers may grant it: partner users and municipal staff not on the team",
        params: AreaIdParams,
        response: { 200: PartnerCandidatesSchema },
      },
      async (request) => partnerChoices(ctx(request), request.params.id),
    );

    route.post(
      '/api/housing-areas/:id/partners',
      {
        policy: 'areas.read',
        summary: 'Grant the area to a partner (manage): contributes, sees the overview',
        params: AreaIdParams,
        body: GrantPartnerBody,
        response: { 200: AreaSchema },
      },
      async (request) => grantPartner(ctx(request), request.params.id, request.body),
    );

    route.patch(
      '/api/housing-areas/:id/partners/:userId',
      {
        policy: 'areas.read',
        summary: "Change a partner's grant (manage); optimistic locking on the grant",
        params: AreaPartnerParams,
        body: ChangePartnerBody,
        response: { 200: AreaSchema },
      },
      async (request) =>
        changePartner(ctx(request), request.params.id, request.params.userId, request.body),
    );

    route.post(
      '/api/housing-areas/:id/partners/:userId/revoke',
      {
        policy: 'areas.read',
        summary: "Revoke a partner's grant (manage)",
        params: AreaPartnerParams,
        body: VersionBody,
        response: { 200: AreaSchema },
      },
      async (request) =>
        changePartner(ctx(request), request.params.id, request.params.userId, {
          version: request.body.version,
          revoke: true,
        }),
    );
  };
