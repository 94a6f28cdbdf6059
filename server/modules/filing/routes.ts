import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { correctFiling, withdrawFiling } from './correcting.ts';
import { filingExport } from './export.ts';
import { listFilings } from './listing.ts';
import { recordFiling } from './recording.ts';
import {
  CorrectFilingBody,
  FilingExportQuery,
  FilingExportSchema,
  FilingListQuery,
  FilingListSchema,
  FilingParams,
  FilingResponse,
  RecordFilingBody,
  WithdrawFilingBody,
} from './schema.ts';

/**
 * Journalisation (issue 12 part 9): the filing export of a case document for the municipality's
 * record system, and the case's record of where and when each version was filed. Non-members get
 * 404 before anything else (caseWorkRoutes); the services check the document's and the filing's
 * abilities and audit in the transaction of the read or change.
 */
export const filingRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['filing']);

    cases.get(
      '/api/cases/:id/filing-export',
      {
        policy: 'records.read',
        summary:
          'The filing export of a case document (any plan version by planId): its PDF (base64) with the metadata a record system needs; readers of the document only',
        params: CaseIdParams,
        querystring: FilingExportQuery,
        response: { 200: FilingExportSchema },
      },
      (access, ctx, request) => filingExport(ctx, access, request.query),
    );

    cases.get(
      '/api/cases/:id/filings',
      {
        policy: 'records.read',
        summary:
          "The case's filings in the record system (newest first) and the documents that can be filed now",
        params: CaseIdParams,
        querystring: FilingListQuery,
        response: { 200: FilingListSchema },
      },
      (access, ctx, request) => listFilings(ctx, access, request.query),
    );

    cases.post(
      '/api/cases/:id/filings',
      {
        policy: 'records.read',
        summary:
          'Record that a document version was filed (journal number, day); the same version again answers the filing already there (200)',
        params: CaseIdParams,
        body: RecordFilingBody,
        response: { 200: FilingResponse, 201: FilingResponse },
      },
      async (access, ctx, request, reply) => {
        const { filing, created } = await recordFiling(ctx, access, request.body);
        return reply.code(created ? 201 : 200).send(filing);
      },
    );

    cases.patch(
      '/api/cases/:id/filings/:filingId',
      {
        policy: 'records.read',
        summary:
          'Correct a recorded filing (journal number, day) with a reason; optimistic locking on its version',
        params: FilingParams,
        body: CorrectFilingBody,
        response: { 200: FilingResponse },
      },
      (access, ctx, request) => correctFiling(ctx, access, request.params.filingId, request.body),
    );

    cases.post(
      '/api/cases/:id/filings/:filingId/withdrawal',
      {
        policy: 'records.read',
        summary:
          "Withdraw a filing recorded in error, with a reason (the row is kept, marked withdrawn); the case's coordinators",
        params: FilingParams,
        body: WithdrawFilingBody,
        response: { 200: FilingResponse },
      },
      (access, ctx, request) => withdrawFiling(ctx, access, request.params.filingId, request.body),
    );
  };
