import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { ContextKeys } from '../../platform/context.ts';
import { grantCaseAccess } from '../../access/records.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
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
    const cases = caseWorkRoutes(app, options.keys, ['cases']);

    cases.get(
      '/api/cases/:id/assessments',
      {
        policy: 'records.read',
        summary:
          "Every version of the case's 360° assessment, newest first (members with the whole case; the risk lens for the compartment only)",
        params: CaseIdParams,
        response: { 200: AssessmentListSchema },
      },
      async (access, ctx, request) => {
        const list = await listAssessments(ctx, access);
        grantCaseAccess(request, access);
        return list;
      },
    );

    cases.post(
      '/api/cases/:id/assessments',
      {
        policy: 'records.read',
        summary:
          'Start a new assessment draft from the latest final one (201), or get the existing draft (200); coordinators and forum members with the compartment',
        params: CaseIdParams,
        response: { 200: AssessmentResponse, 201: AssessmentResponse },
      },
      async (access, ctx, request, reply) => {
        const { created, assessment } = await startAssessment(ctx, access);
        grantCaseAccess(request, access);
        return reply.code(created ? 201 : 200).send({ id: access.caseId, assessment });
      },
    );

    cases.put(
      '/api/cases/:id/assessments/:assessmentId',
      {
        policy: 'records.read',
        summary:
          "Replace the draft's content (optimistic locking on version; a final assessment cannot be edited)",
        params: AssessmentParams,
        body: AssessmentBody,
        response: { 200: AssessmentResponse },
      },
      async (access, ctx, request) => {
        const { assessmentId } = request.params;
        const assessment = await updateAssessment(ctx, access, assessmentId, request.body);
        grantCaseAccess(request, access);
        return { id: access.caseId, assessment };
      },
    );

    cases.post(
      '/api/cases/:id/assessments/:assessmentId/finalise',
      {
        policy: 'records.read',
        summary:
          'Finalise the draft (needs an overall judgement and a concern level); supersedes the previous one and sets the case’s concern level',
        params: AssessmentParams,
        body: FinaliseBody,
        response: { 200: AssessmentResponse },
      },
      async (access, ctx, request) => {
        const { assessmentId } = request.params;
        const assessment = await finaliseAssessment(ctx, access, assessmentId, request.body);
        grantCaseAccess(request, access);
        return { id: access.caseId, assessment };
      },
    );
  };
