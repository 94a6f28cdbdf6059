import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** The case's 360° assessments (filled in by issue 5). */
export const assessmentRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    void options;
    void app;
  };
