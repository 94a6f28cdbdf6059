import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { releaseRequest, releasedPackage } from './release.ts';
import { approveRequest, reviewItem } from './review.ts';
import {
  AccessItemParams,
  AccessListQuery,
  AccessRequestIdParams,
  AccessRequestPageSchema,
  AccessRequestSchema,
  RegisterAccessRequestBody,
  ReviewItemBody,
  VersionBody,
} from './schema.ts';
import { getRequest, listRequestPage, registerRequest } from './service.ts';

/**
 * The citizen's access requests, aktindsigt (issue 13 part 7, docs/ACCESS_REQUESTS.md): register
 * (the draft file is assembled at once), list, read, review item by item, approve (a second
 * person), release (a disclosure to the citizen) and download the released package. For the
 * municipality's data-protection role (`accessRequests.handle`); a request of
 * another municipality is a 404. Every read and change is audited in its transaction.
 */
export const accessRequestRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['access-requests']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/access-requests',
      {
        policy: 'accessRequests.handle',
        summary:
          "The municipality's access requests, earliest deadline first, filtered by status, kind and overdue",
        querystring: AccessListQuery,
        response: { 200: AccessRequestPageSchema },
      },
      async (request) => listRequestPage(ctx(request), request.query),
    );

    route.post(
      '/api/access-requests',
      {
        policy: 'accessRequests.handle',
        summary:
          "Register a citizen's access request (forvaltningsloven § 9 or GDPR art. 15); the product assembles the draft file. The same id again answers the request already there (200)",
        body: RegisterAccessRequestBody,
        response: { 200: AccessRequestSchema, 201: AccessRequestSchema },
      },
      async (request, reply) => {
        const { request: created, created: isNew } = await registerRequest(
          ctx(request),
          request.body,
        );
        return reply.code(isNew ? 201 : 200).send(created);
      },
    );

    route.get(
      '/api/access-requests/:id',
      {
        policy: 'accessRequests.handle',
        summary: 'One access request with its draft items and what the caller may do',
        params: AccessRequestIdParams,
        response: { 200: AccessRequestSchema },
      },
      async (request) => getRequest(ctx(request), request.params.id),
    );

    route.put(
      '/api/access-requests/:id/items/:itemId',
      {
        policy: 'accessRequests.handle',
        summary:
          'Release, withhold or redact one item of the draft, with a reason and an exemption for the latter two',
        params: AccessItemParams,
        body: ReviewItemBody,
        response: { 200: AccessRequestSchema },
      },
      async (request) =>
        reviewItem(ctx(request), request.params.id, request.params.itemId, request.body),
    );

    route.post(
      '/api/access-requests/:id/approve',
      {
        policy: 'accessRequests.handle',
        summary: 'Approve the reviewed draft (a second person: not one who reviewed an item)',
        params: AccessRequestIdParams,
        body: VersionBody,
        response: { 200: AccessRequestSchema },
      },
      async (request) => approveRequest(ctx(request), request.params.id, request.body.version),
    );

    route.post(
      '/api/access-requests/:id/release',
      {
        policy: 'accessRequests.handle',
        summary:
          'Release the approved package to the citizen: recorded in the disclosure register and the chronology of each case concerned',
        params: AccessRequestIdParams,
        body: VersionBody,
        response: { 200: AccessRequestSchema },
      },
      async (request) => releaseRequest(ctx(request), request.params.id, request.body.version),
    );

    route.get(
      '/api/access-requests/:id/package.pdf',
      {
        policy: 'accessRequests.handle',
        summary: 'The released package as a PDF: only the released items, redactions marked',
        params: AccessRequestIdParams,
        produces: ['application/pdf'],
      },
      async (request, reply) => {
        const { pdf, reference } = await releasedPackage(ctx(request), request.params.id);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="aktindsigt-${reference}.pdf"`)
          .type('application/pdf')
          .send(pdf);
      },
    );
  };
