import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { routeKit } from '../../platform/route-kit.ts';
import { findMunicipality } from '../organisation/queries.ts';
import { DEMO_MUNICIPALITY_CODE } from '../../demo/seed.ts';

const MetaSchema = z.object({
  product: z.literal('Tovholder'),
  version: z.string(),
  demo: z.boolean(),
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
});

/** What the web shell needs before anyone logs in: product, version, demo mode. */
export const metaRoutes =
  (options: { version: string; demo: boolean }): FastifyPluginAsyncZod =>
  async (app) => {
    routeKit(app, ['meta']).get(
      '/api/meta',
      {
        policy: 'public',
        summary: 'Product facts for the web shell',
        response: { 200: MetaSchema },
      },
      async () => {
        const municipality = options.demo
          ? await findMunicipality(app.database.db, DEMO_MUNICIPALITY_CODE)
          : undefined;
        return {
          product: 'Tovholder' as const,
          version: options.version,
          demo: options.demo,
          municipality: municipality ? { code: municipality.code, name: municipality.name } : null,
        };
      },
    );
  };
