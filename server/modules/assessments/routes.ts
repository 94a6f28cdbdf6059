import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { grantCaseAccess } from '../../access/records.ts';
import { caseRouteKit } from '../cases/case-work.ts';
import { CaseIdParams } from '../cases/schema.ts';
import {
  AssessmentBody,
  AssessmentListSchema,
  AssessmentParams,
  AssessmentResponse,
  FinaliseBody,
} from './schema.ts';
import { listAssessments } from './reading.ts';
import { finaliseAssessment, startAssessment, updateAssessment } from './writing.ts';

/**
 * The case's 360° assessments (udredning): every version for members with the whole case, and
 * start / edit / finalise for the case's coordinators and forum members with the compartment.
 * Non-members get 404, exactly as for a case that does not exist.
 */
export const assessmentRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['cases'];
    const { contextOf, accessOr404 } = caseRouteKit(app, options.keys);

    app.get(
      '/api/cases/:id/assessments',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            "Every version of the case's 360° assessment, newest first (members with the whole case; the risk lens for the compartment only)",
          params: CaseIdParams,
          response: { 200: AssessmentListSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const list = await listAssessments(contextOf(request), access);
        grantCaseAccess(request, access);
        return list;
      },
    );

    app.post(
      '/api/cases/:id/assessments',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            'Start a new assessment draft from the latest final one (201), or get the existing draft (200); coordinators and forum members with the compartment',
          params: CaseIdParams,
          response: { 200: AssessmentResponse, 201: AssessmentResponse },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const { created, assessment } = await startAssessment(contextOf(request), access);
        grantCaseAccess(request, access);
        return reply.code(created ? 201 : 200).send({ id: access.caseId, assessment });
      },
    );

    app.put(
      '/api/cases/:id/assessments/:assessmentId',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            "Replace the draft's content (optimistic locking on version; a final assessment cannot be edited)",
          params: AssessmentParams,
          body: AssessmentBody,
          response: { 200: AssessmentResponse },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const assessment = await updateAssessment(
          contextOf(request),
          access,
          request.params.assessmentId,
          request.body,
        );
        grantCaseAccess(request, access);
        return { id: access.caseId, assessment };
      },
    );

    app.post(
      '/api/cases/:id/assessments/:assessmentId/finalise',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            'Finalise the draft (needs an overall judgement and a concern level); supersedes the previous one and sets the case’s concern level',
          params: AssessmentParams,
          body: FinaliseBody,
          response: { 200: AssessmentResponse },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        const assessment = await finaliseAssessment(
          contextOf(request),
          access,
          request.params.assessmentId,
          request.body,
        );
        grantCaseAccess(request, access);
        return { id: access.caseId, assessment };
      },
    );
  };
