import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import * as contributions from './contributions.ts';
import * as overview from './overview.ts';
import * as rounds from './rounds.ts';
import {
  AreaIdParams,
  ContributionParams,
  ContributionSchema,
  CreateContributionBody,
  OverviewResponseSchema,
  RoundDetailSchema,
  RoundListSchema,
  RoundParams,
  RoundSchema,
  RoundVersionBody,
  StartRoundBody,
  SystematiseBody,
  UpdateContributionBody,
  UpdateOverviewBody,
  UpdateRoundBody,
  VersionQuery,
} from './schema.ts';

/**
 * Mapping rounds of a housing area (issue 16 parts 2 and 7; docs/housing-areas/rounds.md).
 * Everyone with a standing in the area (server/access/area-access.ts) lists its rounds; an area
 * the caller may not see answers 404. The team and managers start, close and systematise rounds;
 * contributors add their own knowledge; partners see only their own contributions, and the
 * overview only when granted it; aggregate-only callers get figures.
 */
export const areaRoundRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['housing-areas']);
    const ctx = contextFor(app, options.keys);
    const base = '/api/housing-areas/:areaId/rounds';

    route.get(
      base,
      {
        policy: 'areas.read',
        summary:
          "The area's mapping rounds, newest first, with status, due dates and counts, and when the next is due",
        params: AreaIdParams,
        response: { 200: RoundListSchema },
      },
      async (request) => rounds.listRounds(ctx(request), request.params.areaId),
    );

    route.post(
      base,
      {
        policy: 'areas.read',
        summary:
          'Start a round with the client’s id (201; the same id again answers it, 200): refused without a cadence or while a round is open',
        params: AreaIdParams,
        body: StartRoundBody,
        response: { 200: RoundSchema, 201: RoundSchema },
      },
      async (request, reply) => {
        const result = await rounds.startRound(ctx(request), request.params.areaId, request.body);
        return reply.status(result.created ? 201 : 200).send(result.round);
      },
    );

    route.get(
      `${base}/:roundId`,
      {
        policy: 'areas.read',
        summary:
          "One round with its contributions (a partner: only their own; aggregate: none) and the area's levels",
        params: RoundParams,
        response: { 200: RoundDetailSchema },
      },
      async (request) =>
        rounds.roundDetail(ctx(request), request.params.areaId, request.params.roundId),
    );

    route.patch(
      `${base}/:roundId`,
      {
        policy: 'areas.read',
        summary: "Change a round's held date, participants or area meeting (optimistic locking)",
        params: RoundParams,
        body: UpdateRoundBody,
        response: { 200: RoundSchema },
      },
      async (request) =>
        rounds.updateRound(
          ctx(request),
          request.params.areaId,
          request.params.roundId,
          request.body,
        ),
    );

    route.post(
      `${base}/:roundId/close`,
      {
        policy: 'areas.read',
        summary: 'Close an open round: no more contributions',
        params: RoundParams,
        body: RoundVersionBody,
        response: { 200: RoundSchema },
      },
      async (request) =>
        rounds.closeRound(
          ctx(request),
          request.params.areaId,
          request.params.roundId,
          request.body.version,
        ),
    );

    route.post(
      `${base}/:roundId/contributions`,
      {
        policy: 'areas.read',
        summary:
          'Add the caller’s contribution to an open round with the client’s id (201; again: 200)',
        params: RoundParams,
        body: CreateContributionBody,
        response: { 200: ContributionSchema, 201: ContributionSchema },
      },
      async (request, reply) => {
        const { areaId, roundId } = request.params;
        const result = await contributions.addContribution(
          ctx(request),
          areaId,
          roundId,
          request.body,
        );
        return reply.status(result.created ? 201 : 200).send(result.contribution);
      },
    );

    route.put(
      `${base}/:roundId/contributions/:contributionId`,
      {
        policy: 'areas.read',
        summary: 'Change one’s own contribution while the round is open (optimistic locking)',
        params: ContributionParams,
        body: UpdateContributionBody,
        response: { 200: ContributionSchema },
      },
      async (request) => {
        const { areaId, roundId, contributionId } = request.params;
        return contributions.updateContribution(
          ctx(request),
          areaId,
          roundId,
          contributionId,
          request.body,
        );
      },
    );

    route.delete(
      `${base}/:roundId/contributions/:contributionId`,
      {
        policy: 'areas.read',
        summary:
          'Delete one’s own contribution while the round is open (version in the query; answers 204)',
        params: ContributionParams,
        querystring: VersionQuery,
      },
      async (request, reply) => {
        const { areaId, roundId, contributionId } = request.params;
        await contributions.deleteContribution(
          ctx(request),
          areaId,
          roundId,
          contributionId,
          request.query.version,
        );
        return reply.status(204).send();
      },
    );

    route.get(
      `${base}/:roundId/overview`,
      {
        policy: 'areas.read',
        summary:
          'The area overview of a round with what changed since the last one, or a closed round’s proposal (aggregate: counts only)',
        params: RoundParams,
        response: { 200: OverviewResponseSchema },
      },
      async (request) =>
        overview.getOverview(ctx(request), request.params.areaId, request.params.roundId),
    );

    route.post(
      `${base}/:roundId/overview`,
      {
        policy: 'areas.read',
        summary: 'Systematise a closed round into its overview (the round’s version)',
        params: RoundParams,
        body: SystematiseBody,
        response: { 200: OverviewResponseSchema },
      },
      async (request) =>
        overview.systematiseRound(
          ctx(request),
          request.params.areaId,
          request.params.roundId,
          request.body,
        ),
    );

    route.put(
      `${base}/:roundId/overview`,
      {
        policy: 'areas.read',
        summary: "Correct the overview's items and wording (the overview's version)",
        params: RoundParams,
        body: UpdateOverviewBody,
        response: { 200: OverviewResponseSchema },
      },
      async (request) =>
        overview.updateOverview(
          ctx(request),
          request.params.areaId,
          request.params.roundId,
          request.body,
        ),
    );
  };
