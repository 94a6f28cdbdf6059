import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { grantCaseAccess } from '../../access/records.ts';
import { auditCaseRead, caseRouteKit } from '../cases/case-work.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { loadCaseInterventions } from './queries.ts';
import {
  AnswerOfferBody,
  AnsweredSchema,
  CaseInterventionsSchema,
  ConsentBody,
  ConsentParams,
  CreateInterventionBody,
  CreatedSchema,
  InterventionParams,
  MakeOfferBody,
  OfferBody,
  OfferParams,
  SessionBody,
  UpdateInterventionBody,
  UpdatedSchema,
  WithdrawConsentBody,
  WithdrawnSchema,
} from './schema.ts';
import { addSession } from './sessions.ts';
import { recordConsent, withdrawConsent } from './consents.ts';
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
    const tags = ['cases'];
    const config = { policy: 'records.read', record: 'case' } as const;
    const { contextOf, accessOr404 } = caseRouteKit(app, options.keys);

    app.get(
      '/api/cases/:id/interventions',
      {
        config,
        schema: {
          tags,
          summary:
            "The case's interventions with session notes, consents and offers (a mentor: only the interventions they provide)",
          params: CaseIdParams,
          response: { 200: CaseInterventionsSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const c = contextOf(request);
        return c.db.transaction().execute(async (trx) => {
          const { data, personsShown } = await loadCaseInterventions(trx, access, c.user.id);
          await auditCaseRead(trx, c, access, {
            what: 'interventions',
            // Full scope: every person of the case; a mentor: the persons of their interventions.
            ...(access.scope !== 'full' && { persons: personsShown }),
          });
          // Names of catalogue entries that reveal the concern, for the compartment's readers.
          grantCaseAccess(request, access);
          return data;
        });
      },
    );

    app.post(
      '/api/cases/:id/interventions',
      {
        config,
        schema: {
          tags,
          summary:
            'Add an intervention from the catalogue for a person of the case (planned; 200 when the client id exists)',
          params: CaseIdParams,
          body: CreateInterventionBody,
          response: { 200: CreatedSchema, 201: CreatedSchema },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const r = await createIntervention(contextOf(request), access, request.body);
        return reply.code(r.created ? 201 : 200).send({ id: r.id, version: r.version });
      },
    );

    app.patch(
      '/api/cases/:id/interventions/:interventionId',
      {
        config,
        schema: {
          tags,
          summary:
            'Change an intervention: start (consent when required), pause, end, cancel, dates, provider',
          params: InterventionParams,
          body: UpdateInterventionBody,
          response: { 200: UpdatedSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return updateIntervention(
          contextOf(request),
          access,
          request.params.interventionId,
          request.body,
        );
      },
    );

    app.post(
      '/api/cases/:id/interventions/:interventionId/sessions',
      {
        config,
        schema: {
          tags,
          summary: "A session note on a running intervention (its provider or the case's team)",
          params: InterventionParams,
          body: SessionBody,
          response: { 201: z.object({ id: z.uuid() }) },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const r = await addSession(
          contextOf(request),
          access,
          request.params.interventionId,
          request.body,
        );
        return reply.code(201).send(r);
      },
    );

    app.post(
      '/api/cases/:id/consents',
      {
        config,
        schema: {
          tags,
          summary: 'Record a consent of a person of the case (200 when the client id exists)',
          params: CaseIdParams,
          body: ConsentBody,
          response: { 200: CreatedSchema, 201: CreatedSchema },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const r = await recordConsent(contextOf(request), access, request.body);
        return reply.code(r.created ? 201 : 200).send({ id: r.id, version: r.version });
      },
    );

    app.post(
      '/api/cases/:id/consents/:consentId/withdraw',
      {
        config,
        schema: {
          tags,
          summary: 'Withdraw a consent; active interventions relying on it are paused',
          params: ConsentParams,
          body: WithdrawConsentBody,
          response: { 200: WithdrawnSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return withdrawConsent(contextOf(request), access, request.params.consentId, request.body);
      },
    );

    app.post(
      '/api/cases/:id/offers',
      {
        config,
        schema: {
          tags,
          summary:
            'Record a first offer of voluntary support (mentor, parent coach); 200 when the client id exists',
          params: CaseIdParams,
          body: OfferBody,
          response: { 200: CreatedSchema, 201: CreatedSchema },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const r = await makeFirstOffer(contextOf(request), access, request.body);
        return reply.code(r.created ? 201 : 200).send({ id: r.id, version: r.version });
      },
    );

    app.post(
      '/api/cases/:id/offers/:offerId/answer',
      {
        config,
        schema: {
          tags,
          summary:
            'Answer an open offer; a declined first offer schedules renewals at 3 and 6 months, an accepted renewal cancels the later ones',
          params: OfferParams,
          body: AnswerOfferBody,
          response: { 200: AnsweredSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return answerOffer(contextOf(request), access, request.params.offerId, request.body);
      },
    );

    app.post(
      '/api/cases/:id/offers/:offerId/make',
      {
        config,
        schema: {
          tags,
          summary: 'Make a scheduled renewed offer (it becomes open)',
          params: OfferParams,
          body: MakeOfferBody,
          response: { 200: UpdatedSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return makeRenewal(contextOf(request), access, request.params.offerId, request.body);
      },
    );
  };
