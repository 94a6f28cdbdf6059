import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  findForwardingPlace,
  findIncomingTransfer,
  requireTransferReceiver,
} from '../../access/transfer-access.ts';
import { contextFor, type ContextKeys, type RequestContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { InquiryIdParams } from '../inquiries/schema.ts';
import { acceptTransfer, declineTransfer, listIncoming, readIncoming } from './deciding.ts';
import { forwardInquiry, forwardingView } from './forwarding.ts';
import { listCaseTransfers, proposeTransfer } from './proposing.ts';
import {
  AcceptTransferBody,
  DeclineTransferBody,
  ForwardInquiryBody,
  IncomingQuery,
  InquiryForwardingSchema,
  ProposeTransferBody,
  TransferIdParams,
  TransferListSchema,
  TransferSchema,
} from './schema.ts';

/**
 * Across municipalities (issue 13 part 5, docs/TRANSFERS.md): forwarding an inquiry, proposing a
 * case transfer, and the receiving municipality's incoming transfers. Who may do what is decided
 * in server/access/transfer-access.ts and case-abilities.ts (`transfer`); an inquiry, case or
 * transfer the caller may not see is a 404, as for one that does not exist.
 */
export const transferRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['transfers']);
    const cases = caseWorkRoutes(app, options.keys, ['transfers']);
    const contextOf = contextFor(app, options.keys);

    const placeOr404 = async (ctx: RequestContext, id: string) => {
      const place = await findForwardingPlace(ctx.db, ctx.user, id);
      if (!place) throw new AppError('not_found');
      return place;
    };
    const incomingOr404 = async (ctx: RequestContext, id: string) => {
      const incoming = await findIncomingTransfer(ctx.db, ctx.user, id);
      if (!incoming) throw new AppError('not_found');
      return incoming;
    };

    route.get(
      '/api/inquiries/:id/forwarding',
      {
        policy: 'inquiries.forward',
        record: 'inquiry',
        summary:
          'Whether the inquiry was forwarded to another municipality or forwarded here, and whether the caller may forward it',
        params: InquiryIdParams,
        response: { 200: InquiryForwardingSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        return forwardingView(ctx, await placeOr404(ctx, request.params.id));
      },
    );

    route.post(
      '/api/inquiries/:id/forward',
      {
        policy: 'inquiries.forward',
        record: 'inquiry',
        summary:
          'Forward the inquiry to the municipality it belongs to: a copy in its inbox, this inquiry closed as forwarded, a disclosure entry (the same id again answers the forwarding made)',
        params: InquiryIdParams,
        body: ForwardInquiryBody,
        response: { 200: InquiryForwardingSchema, 201: InquiryForwardingSchema },
      },
      async (request, reply) => {
        const ctx = contextOf(request);
        const place = await placeOr404(ctx, request.params.id);
        const { forwarding, created } = await forwardInquiry(ctx, place, request.body);
        return reply.code(created ? 201 : 200).send(forwarding);
      },
    );

    cases.get(
      '/api/cases/:id/transfers',
      {
        policy: 'records.read',
        summary: "The case's transfers to other municipalities (its coordinators)",
        params: CaseIdParams,
        response: { 200: TransferListSchema },
      },
      (access, ctx) => listCaseTransfers(ctx, access),
    );

    cases.post(
      '/api/cases/:id/transfers',
      {
        policy: 'records.read',
        summary:
          'Propose the transfer of the case to another municipality (reason, a legal basis that fits, what is copied); the same id again answers the transfer already proposed',
        params: CaseIdParams,
        body: ProposeTransferBody,
        response: { 200: TransferSchema, 201: TransferSchema },
      },
      async (access, ctx, request, reply) => {
        const { transfer, created } = await proposeTransfer(ctx, access, request.body);
        return reply.code(created ? 201 : 200).send(transfer);
      },
    );

    route.get(
      '/api/transfers/incoming',
      {
        policy: 'transfers.incoming',
        summary:
          "The case transfers addressed to the caller's municipality (neutral facts until accepted)",
        querystring: IncomingQuery,
        response: { 200: TransferListSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const municipality = requireTransferReceiver(ctx.user);
        return listIncoming(ctx, municipality, request.query.status);
      },
    );

    route.get(
      '/api/transfers/:id',
      {
        policy: 'transfers.incoming',
        summary: "One case transfer addressed to the caller's municipality",
        params: TransferIdParams,
        response: { 200: TransferSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        return readIncoming(ctx, await incomingOr404(ctx, request.params.id));
      },
    );

    route.post(
      '/api/transfers/:id/accept',
      {
        policy: 'transfers.incoming',
        summary:
          'Accept the transfer: a new case of the receiving municipality is opened as a copy ("Overtaget fra …")',
        params: TransferIdParams,
        body: AcceptTransferBody,
        response: { 200: TransferSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const incoming = await incomingOr404(ctx, request.params.id);
        return acceptTransfer(ctx, incoming, request.body.version);
      },
    );

    route.post(
      '/api/transfers/:id/decline',
      {
        policy: 'transfers.incoming',
        summary: 'Decline the transfer with a reason (required)',
        params: TransferIdParams,
        body: DeclineTransferBody,
        response: { 200: TransferSchema },
      },
      async (request) => {
        const ctx = contextOf(request);
        const incoming = await incomingOr404(ctx, request.params.id);
        return declineTransfer(ctx, incoming, request.body);
      },
    );
  };
