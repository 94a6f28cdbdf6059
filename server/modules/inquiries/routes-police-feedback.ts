import { z } from 'zod';
import { grantInquiryAccess } from '../../access/inquiry-access.ts';
import type { RouteKit } from '../../platform/route-kit.ts';
import { InquiryIdParams } from './schema.ts';
import {
  HandedInquiryListSchema,
  HandedInquiryParams,
  InquiryPoliceFeedbackListSchema,
  MarkFeedbackReadBody,
  PoliceFeedbackParams,
  SendPoliceFeedbackBody,
} from './schema-police-feedback.ts';
import * as service from './police-feedback.ts';
import type { inquiryRouteKit } from './route-kit.ts';

/**
 * The police's feedback (issue 14 part 8): the police contact's list and send (policy
 * `policeFeedback.send`; each inquiry id checked against the caller's district, 404 otherwise),
 * and the inquiry's side: its feedback (audited read) and marking one read (its coordinators).
 */
export function policeFeedbackRoutes(route: RouteKit, kit: ReturnType<typeof inquiryRouteKit>) {
  const { contextOf, accessOr404 } = kit;

  route.get(
    '/api/police-feedback',
    {
      policy: 'policeFeedback.send',
      summary:
        "Inquiries handed to the police of the caller's district: reference, date handed, municipality, feedback sent",
      response: { 200: HandedInquiryListSchema },
    },
    async (request) => ({ items: await service.listHandedInquiries(contextOf(request)) }),
  );

  route.post(
    '/api/police-feedback/:inquiryId',
    {
      policy: 'policeFeedback.send',
      summary:
        'Tell the municipality what it may know about an inquiry handed to the police (idempotent by id)',
      params: HandedInquiryParams,
      body: SendPoliceFeedbackBody,
      response: { 200: z.object({ id: z.uuid() }), 201: z.object({ id: z.uuid() }) },
    },
    async (request, reply) => {
      const { created } = await service.sendFeedback(
        contextOf(request),
        request.params.inquiryId,
        request.body,
      );
      return reply.code(created ? 201 : 200).send({ id: request.body.id });
    },
  );

  route.get(
    '/api/inquiries/:id/police-feedback',
    {
      policy: 'inquiries.read',
      record: 'inquiry',
      summary: "The police's feedback on the inquiry (audited read)",
      params: InquiryIdParams,
      response: { 200: InquiryPoliceFeedbackListSchema },
    },
    async (request) => {
      const access = await accessOr404(request, request.params.id);
      const result = await service.readInquiryFeedback(contextOf(request), access);
      grantInquiryAccess(request, access);
      return result;
    },
  );

  route.post(
    '/api/inquiries/:id/police-feedback/:feedbackId/read',
    {
      policy: 'inquiries.read',
      record: 'inquiry',
      summary: "Mark the police's feedback read (the inquiry's coordinators); ends the task",
      params: PoliceFeedbackParams,
      body: MarkFeedbackReadBody,
      response: { 204: z.null() },
    },
    async (request, reply) => {
      const access = await accessOr404(request, request.params.id);
      await service.markRead(
        contextOf(request),
        access,
        request.params.feedbackId,
        request.body.version,
      );
      return reply.code(204).send(null);
    },
  );
}
