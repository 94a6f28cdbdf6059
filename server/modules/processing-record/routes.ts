import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { municipalityLogo } from '../inquiries/logo.ts';
import { dpia } from './dpia.ts';
import { dpiaPdf } from './dpia-pdf.ts';
import { DpiaSchema } from './dpia-schema.ts';
import { processingRecordPdf } from './pdf.ts';
import { processingRecord, type SessionFacts } from './record.ts';
import { ProcessingRecordSchema } from './schema.ts';

/**
 * The record of processing (GDPR art. 30) of the caller's municipality, for its administrator
 * and its data-protection role (`admin.processingRecord`): as JSON for the admin page and as a
 * PDF in the shared document layout. Built from facts.ts and the settings on each request; it
 * holds no personal data, so nothing is audited as a read of it.
 */
export const processingRecordRoutes =
  (options: { keys: ContextKeys; session: SessionFacts }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['processing-record']);
    const ctx = contextFor(app, options.keys);

    route.get(
      '/api/admin/processing-record',
      {
        policy: 'admin.processingRecord',
        summary:
          "The municipality's record of processing activities (GDPR art. 30), from the configuration the code enforces",
        response: { 200: ProcessingRecordSchema },
      },
      async (request) => {
        const c = ctx(request);
        return processingRecord(c.db, c.user.municipalityCode, c.language, options.session);
      },
    );

    route.get(
      '/api/admin/processing-record.pdf',
      {
        policy: 'admin.processingRecord',
        summary: 'The record of processing activities as a PDF',
        produces: ['application/pdf'],
      },
      async (request, reply) => {
        const c = ctx(request);
        const record = await processingRecord(
          c.db,
          c.user.municipalityCode,
          c.language,
          options.session,
        );
        const logo = await municipalityLogo(c.db, record.municipality.code);
        const pdf = await processingRecordPdf(record, c.language, logo);
        return reply
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="fortegnelse-${record.municipality.code}.pdf"`,
          )
          .type('application/pdf')
          .send(pdf);
      },
    );

    route.get(
      '/api/admin/dpia',
      {
        policy: 'admin.dpia',
        summary:
          'The data protection impact assessment template (GDPR art. 35), from the configuration the code enforces',
        response: { 200: DpiaSchema },
      },
      async (request) => {
        const c = ctx(request);
        return dpia(c.db, c.user.municipalityCode, c.language, options.session);
      },
    );

    route.get(
      '/api/admin/dpia.pdf',
      {
        policy: 'admin.dpia',
        summary: 'The data protection impact assessment template as a PDF',
        produces: ['application/pdf'],
      },
      async (request, reply) => {
        const c = ctx(request);
        const assessment = await dpia(c.db, c.user.municipalityCode, c.language, options.session);
        const code = assessment.processing.municipality.code;
        const logo = await municipalityLogo(c.db, code);
        const pdf = await dpiaPdf(assessment, c.language, logo);
        return reply
          .header('cache-control', 'no-store')
          .header('content-disposition', `attachment; filename="konsekvensanalyse-${code}.pdf"`)
          .type('application/pdf')
          .send(pdf);
      },
    );
  };
