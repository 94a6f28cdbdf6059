import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { danishToday } from '../cases/chronology.ts';
import { changeBasis, fittingBases, getBases } from './bases.ts';
import { partnerRoutes } from './routes-partners.ts';
import {
  FittingBasesQuery,
  LegalBasesSchema,
  LegalBasisParams,
  UpdateLegalBasisBody,
} from './schema.ts';

/**
 * Sharing outside the team (docs/SHARING.md): the legal bases that fit a sharing (for the
 * pickers), the municipality's bases for its administrator to edit, and the partner
 * organisations. Every route reads and writes the caller's own municipality only.
 */
export const sharingRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['sharing']);
    const contextOf = contextFor(app, options.keys);
    const own = (ctx: RequestContext) => {
      if (!ctx.user.municipalityCode) throw new AppError('not_found');
      return ctx.user.municipalityCode;
    };

    route.get(
      '/api/sharing/legal-bases',
      {
        policy: 'sharing.bases',
        summary:
          'The legal bases that fit a kind of organisation and a use on a day (today unless given): the only ones a picker offers',
        querystring: FittingBasesQuery,
        response: { 200: LegalBasesSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const { organisationKind, use, on } = request.query;
        const day = on ?? danishToday(new Date());
        return { items: await fittingBases(ctx.db, own(ctx), { organisationKind, use, day }) };
      },
    );

    route.get(
      '/api/legal-bases',
      {
        policy: 'settings.read',
        summary: "The caller's municipality's legal bases for sharing, all of them",
        response: { 200: LegalBasesSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        return { items: await getBases(ctx.db, own(ctx)) };
      },
    );

    route.put(
      '/api/legal-bases/:key',
      {
        policy: 'settings.edit',
        summary:
          'Change one legal basis for sharing (optimistic locking; version 0 while on the default)',
        params: LegalBasisParams,
        body: UpdateLegalBasisBody,
        response: { 200: LegalBasesSchema },
      },
      async (request) => ({
        items: await changeBasis(contextOf(request), request.params.key, request.body),
      }),
    );

    partnerRoutes(route, contextOf);
  };
