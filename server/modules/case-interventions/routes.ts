import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { grantCaseAccess } from '../../access/records.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { loadCaseInterventions } from './queries.ts';
import {
  AnswerOfferBody,
  AnsweredSchema,
  CaseInterventionsSchema,
  CreateInterventionBody,
  CreatedSchema,
  InterventionParams,
  MakeOfferBody,
  OfferBody,
  OfferParams,
  SessionBody,
  UpdateInterventionBody,
  UpdatedSchema,
} from './schema.ts';
import { addSession } from './sessions.ts';
import { consentRoutes } from './routes-consents.ts';
import { createIntervention, updateIntervention } from './interventions.ts';
import { answerOffer, makeFirstOffer, makeRenewal } from './offers.ts';
import { z } from 'zod';

/**
 * Interventions, consent and offers in a case. Non-members get 404 (as for a missing case);
 * members with the whole case do everything; a member whose scope is limited to their own
 * interventions (e.g. a mentor) reads only those and adds session notes to them.
 */
export const caseInterventionRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['cases']);

    cases.get(
      '/api/cases/:id/interventions',
      {
        policy: 'records.read',
        summary:
          "The case's interventions with session notes, consents and offers (a mentor: only the interventions they provide)",
        params: CaseIdParams,
        response: { 200: CaseInterventionsSchema },
      },
      async (access, ctx, request) =>
        ctx.db.transaction().execute(async (trx) => {
          const { data, personsShown } = await loadCaseInterventions(trx, access, ctx.user.id);
          await auditCaseRead(trx, ctx, access, {
            what: 'interventions',
            // Full scope: every person of the case; a mentor: the persons of their interventions.
            ...(access.scope !== 'full' && { persons: personsShown }),
          });
          // Names of catalogue entries that reveal the concern, for the compartment's readers.
          grantCaseAccess(request, access);
          return data;
        }),
    );

    cases.post(
      '/api/cases/:id/interventions',
      {
        policy: 'records.read',
        summary:
          'Add an intervention from the catalogue for a person of the case (planned; 200 when the client id exists)',
        params: CaseIdParams,
        body: CreateInterventionBody,
        response: { 200: CreatedSchema, 201: CreatedSchema },
      },
      async (access, ctx, request, reply) => {
        const r = await createIntervention(ctx, access, request.body);
        return reply.code(r.created ? 201 : 200).send({ id: r.id, version: r.version });
      },
    );

    cases.patch(
      '/api/cases/:id/interventions/:interventionId',
      {
        policy: 'records.read',
        summary:
          'Change an intervention: start (consent when required), pause, end, cancel, dates, provider',
        params: InterventionParams,
        body: UpdateInterventionBody,
        response: { 200: UpdatedSchema },
      },
      (access, ctx, request) =>
        updateIntervention(ctx, access, request.params.interventionId, request.body),
    );

    cases.post(
      '/api/cases/:id/interventions/:interventionId/sessions',
      {
        policy: 'records.read',
        summary: "A session note on a running intervention (its provider or the case's team)",
        params: InterventionParams,
        body: SessionBody,
        response: { 201: z.object({ id: z.uuid() }) },
      },
      async (access, ctx, request, reply) => {
        const r = await addSession(ctx, access, request.params.interventionId, request.body);
        return reply.code(201).send(r);
      },
    );

    consentRoutes(cases);

    cases.post(
      '/api/cases/:id/offers',
      {
        policy: 'records.read',
        summary:
          'Record a first offer of voluntary support (mentor, parent coach); 200 when the client id exists',
        params: CaseIdParams,
        body: OfferBody,
        response: { 200: CreatedSchema, 201: CreatedSchema },
      },
      async (access, ctx, request, reply) => {
        const r = await makeFirstOffer(ctx, access, request.body);
        return reply.code(r.created ? 201 : 200).send({ id: r.id, version: r.version });
      },
    );

    cases.post(
      '/api/cases/:id/offers/:offerId/answer',
      {
        policy: 'records.read',
        summary:
          'Answer an open offer; a declined first offer schedules renewals at 3 and 6 months, an accepted renewal cancels the later ones',
        params: OfferParams,
        body: AnswerOfferBody,
        response: { 200: AnsweredSchema },
      },
      (access, ctx, request) => answerOffer(ctx, access, request.params.offerId, request.body),
    );

    cases.post(
      '/api/cases/:id/offers/:offerId/make',
      {
        policy: 'records.read',
        summary: 'Make a scheduled renewed offer (it becomes open)',
        params: OfferParams,
        body: MakeOfferBody,
        response: { 200: UpdatedSchema },
      },
      (access, ctx, request) => makeRenewal(ctx, access, request.params.offerId, request.body),
    );
  };
