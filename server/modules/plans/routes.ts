import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The case's action plans (filled in by issue 5). */
export const planRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    void options;
    void app;
  };
