import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { grantInquiryAccess } from '../../access/inquiry-access.ts';
import { addContribution, triage } from './assessment.ts';
import { updateInquiry } from './edit.ts';
import { createInquiry } from './intake.ts';
import { readHistory, readInbox, searchInbox } from './read.ts';
import { inquiryRouteKit, tags } from './route-kit.ts';
import { policeFeedbackRoutes } from './routes-police-feedback.ts';
import { decisionRoutes, withSettings } from './routes-decision.ts';
import { draftRoutes, settingsRoutes } from './routes-drafts.ts';
import { logoRoutes } from './routes-logo.ts';
import { childReportRoutes } from './routes-child-report.ts';
import {
  ContributionBody,
  CreateInquiryBody,
  IdempotencyHeaders,
  InboxQuery,
  InboxSearchBody,
  InquiryIdParams,
  InquiryReceiptSchema,
  TriageBody,
  UpdateInquiryBody,
} from './schema.ts';
import { InboxSchema, InquiryDetailSchema, InquiryHistorySchema } from './schema-detail.ts';

/**
 * Concern inquiries: intake (any member of staff, idempotent), the inbox by deadline, the
 * inquiry with its assessment, triage, contributions and the chronology; the decision with
 * four-eyes and reopening (routes-decision.ts); intake drafts and the municipality's inquiry
 * settings (routes-drafts.ts). Routes hold no SQL and decide nothing about access: they build
 * the request context, find the caller's access (404 without need-to-know), and call a service.
 */
export const inquiryRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const kit = inquiryRouteKit(app, options.keys);
    const { contextOf, accessOr404, present, change } = kit;
    const route = routeKit(app, tags);

    route.get(
      '/api/inquiries',
      {
        policy: 'inquiries.read',
        summary: 'The inbox: inquiries the caller may see, by deadline (keyset pagination)',
        querystring: InboxQuery,
        response: { 200: InboxSchema },
      },
      async (request) => readInbox(contextOf(request), request.query, new Date()),
    );

    route.post(
      '/api/inquiries/search',
      {
        policy: 'inquiries.read',
        summary:
          "The inbox searched by a reference, a person's name or CPR number (exact), with the inbox's filters (POST: no name or CPR number in a URL)",
        body: InboxSearchBody,
        response: { 200: InboxSchema },
      },
      async (request) => searchInbox(contextOf(request), request.body, new Date()),
    );

    route.post(
      '/api/inquiries',
      {
        policy: 'inquiries.create',
        summary: 'Record a concern inquiry (idempotent by the Idempotency-Key header); a receipt',
        headers: IdempotencyHeaders,
        body: CreateInquiryBody,
        response: { 200: InquiryReceiptSchema, 201: InquiryReceiptSchema },
      },
      async (request, reply) => {
        const { receipt, created } = await createInquiry(
          contextOf(request),
          request.body,
          request.headers['idempotency-key'],
          new Date(),
        );
        return reply.code(created ? 201 : 200).send(receipt);
      },
    );

    route.get(
      '/api/inquiries/:id',
      {
        policy: 'inquiries.read',
        record: 'inquiry',
        summary: 'One inquiry with its assessment (404 without need-to-know)',
        params: InquiryIdParams,
        response: { 200: InquiryDetailSchema },
      },
      async (request) => present(request, request.params.id),
    );

    change(
      'Edit the inquiry (optimistic locking: 409 with the current version when stale)',
      UpdateInquiryBody,
      '',
      updateInquiry,
    );
    change(
      'Set the seriousness; the decision deadline follows (24/48/72 hours by default)',
      TriageBody,
      '/triage',
      withSettings(triage),
    );
    change(
      'Add a contribution to the assessment (with its unit and legal basis)',
      ContributionBody,
      '/contributions',
      (ctx, access, body) => addContribution(ctx, access, body),
    );

    route.get(
      '/api/inquiries/:id/history',
      {
        policy: 'inquiries.read',
        record: 'inquiry',
        summary: 'The chronology of the inquiry: who changed what, when',
        params: InquiryIdParams,
        response: { 200: InquiryHistorySchema },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const history = await readHistory(contextOf(request), access);
        grantInquiryAccess(request, access);
        return history;
      },
    );

    decisionRoutes(kit);
    draftRoutes(route, contextOf);
    settingsRoutes(route, contextOf);
    logoRoutes(route, contextOf);
    childReportRoutes(kit, route);
    policeFeedbackRoutes(route, kit);
  };
