import type { FastifyRequest } from 'fastify';
import type { RequestContext } from '../../platform/context.ts';
import type { RouteKit } from '../../platform/route-kit.ts';
import { grantInquiryAccess } from '../../access/inquiry-access.ts';
import { acknowledgeReport, assessImmediateHelp, markChildReport } from './child-report.ts';
import { acknowledgementDocument } from './child-report-document.ts';
import { changeProvision, getProvisions } from './provisions.ts';
import type { inquiryRouteKit } from './route-kit.ts';
import { InquiryIdParams } from './schema.ts';
import {
  AcknowledgeBody,
  ImmediateHelpBody,
  LegalProvisionsSchema,
  MarkChildReportBody,
  ProvisionParams,
  UpdateProvisionBody,
} from './schema-child-report.ts';
import { AppError } from '../../platform/errors.ts';

type ContextOf = (request: FastifyRequest) => RequestContext;

/**
 * Reports about children (underretninger efter Barnets lov): the mark, the assessment of
 * immediate help, the acknowledgement to the professional and its letter; and the legal
 * provisions the municipality keeps, which its administrator edits.
 */
export function childReportRoutes(kit: ReturnType<typeof inquiryRouteKit>, route: RouteKit) {
  const { change, accessOr404, contextOf } = kit;
  change(
    'Mark the inquiry as a report about a child under Barnets lov (or unmark it before anything is recorded)',
    MarkChildReportBody,
    '/child-report',
    markChildReport,
  );
  change(
    'Record, once, whether the child of a report needs immediate help (due 24 hours after receipt)',
    ImmediateHelpBody,
    '/immediate-help',
    assessImmediateHelp,
  );
  change(
    'Record that the acknowledgement went to the reporting professional (idempotent: once)',
    AcknowledgeBody,
    '/acknowledgement',
    acknowledgeReport,
  );

  route.get(
    '/api/inquiries/:id/acknowledgement.pdf',
    {
      policy: 'inquiries.read',
      record: 'inquiry',
      summary: 'The acknowledgement letter to the reporting professional, as a PDF',
      params: InquiryIdParams,
      produces: ['application/pdf'],
    },
    async (request, reply) => {
      const access = await accessOr404(request, request.params.id);
      const { pdf, reference } = await acknowledgementDocument(
        contextOf(request),
        access,
        new Date(),
      );
      grantInquiryAccess(request, access);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', `attachment; filename="kvittering-${reference}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
  );

  provisionRoutes(route, contextOf);
}

function provisionRoutes(route: RouteKit, contextOf: ContextOf) {
  const own = (ctx: RequestContext) => {
    if (!ctx.user.municipalityCode) throw new AppError('not_found');
    return ctx.user.municipalityCode;
  };
  route.get(
    '/api/legal-provisions',
    {
      policy: 'settings.read',
      summary: "The caller's municipality's legal provisions for reports about children",
      response: { 200: LegalProvisionsSchema },
    },
    async (request) => {
      const ctx = contextOf(request);
      return { items: await getProvisions(ctx.db, own(ctx)) };
    },
  );
  route.put(
    '/api/legal-provisions/:key',
    {
      policy: 'settings.edit',
      summary: 'Change one legal provision (optimistic locking; version 0 while on the default)',
      params: ProvisionParams,
      body: UpdateProvisionBody,
      response: { 200: LegalProvisionsSchema },
    },
    async (request) => ({
      items: await changeProvision(contextOf(request), request.params.key, request.body),
    }),
  );
}
