import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** My tasks (filled in by issue 5). */
export const taskRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    void options;
    void app;
  };
