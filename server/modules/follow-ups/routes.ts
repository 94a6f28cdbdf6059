import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Follow-ups and life-competence ratings (filled in by issue 5). */
export const followUpRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    void options;
    void app;
  };
