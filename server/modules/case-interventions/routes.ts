import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Interventions, consent and offers in a case (filled in by issue 5). */
export const caseInterventionRoutes =
  (options: { keys: { audit: Buffer; secret: Buffer } }): FastifyPluginAsyncZod =>
  async (app) => {
    void options;
    void app;
  };
