import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Metrics } from '../../platform/metrics.ts';

export const healthRoutes =
  (metrics: Metrics): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/healthz',
      {
        config: { policy: 'public' },
        logLevel: 'warn',
        schema: {
          tags: ['operations'],
          summary: 'Liveness and database readiness: 200 when the database answers, else 503',
          response: {
            200: z.object({ status: z.literal('ok') }),
            503: z.object({ status: z.literal('unavailable') }),
          },
        },
      },
      async (_request, reply) => {
        try {
          await app.database.ping();
          return reply.header('cache-control', 'no-store').send({ status: 'ok' as const });
        } catch {
          return reply
            .status(503)
            .header('cache-control', 'no-store')
            .send({ status: 'unavailable' as const });
        }
      },
    );

    app.get(
      '/metrics',
      {
        config: { policy: 'public' },
        logLevel: 'warn',
        schema: {
          tags: ['operations'],
          summary: 'Prometheus metrics (no personal data; labels are route templates)',
          produces: ['text/plain'],
        },
      },
      async (_request, reply) =>
        reply
          .header('content-type', metrics.registry.contentType)
          .header('cache-control', 'no-store')
          .send(await metrics.registry.metrics()),
    );
  };
