import { caseLetterhead } from '../cases/documents.ts';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { ContextKeys } from '../../platform/context.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { getSettings } from '../inquiries/settings.ts';
import { planPdf } from './pdf.ts';
import {
  ApprovePlanBody,
  PlanListSchema,
  PlanParams,
  PlanPdfQuery,
  PlanSchema,
  RejectPlanBody,
  UpdatePlanBody,
  VersionBody,
} from './schema.ts';
import { approvePlan, rejectPlan, submitPlan } from './decisions.ts';
import { createDraft, updatePlan } from './drafts.ts';
import { planPdfHeading } from './queries.ts';
import { loadPlans, planToPrint, unknownPlanVersion } from './reading.ts';

/**
 * The case's action plan (NCFE tool 5: goals and agreements): its versions, a draft written by
 * the members with the whole case, approval by the case's coordinators (or recorded as the
 * steering group's, model 3), and the plan as a PDF for the citizen. Non-members get 404 before
 * anything else; every read writes its audit entries in the transaction of the read.
 */
export const planRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['plans']);

    cases.get(
      '/api/cases/:id/plans',
      {
        policy: 'records.read',
        summary:
          "Every version of the case's action plan, newest first, and who approves plans (members with the whole case)",
        params: CaseIdParams,
        response: { 200: PlanListSchema },
      },
      async (access, ctx) => {
        requireCaseAbility(access, 'plan', 'read');
        return ctx.db.transaction().execute(async (trx) => {
          const items = await loadPlans(trx, access);
          const settings = await getSettings(trx, access.municipalityCode);
          await auditCaseRead(trx, ctx, access, {
            what: 'plans',
            details: { versions: items.length },
          });
          return { approval: settings.planApproval, items };
        });
      },
    );

    cases.get(
      '/api/cases/:id/plan.pdf',
      {
        policy: 'records.read',
        summary:
          'The action plan as a PDF for the citizen (default: the newest approved version, else the newest; any version by planId, 400 for one the case does not have); 404 without a plan',
        params: CaseIdParams,
        querystring: PlanPdfQuery,
        produces: ['application/pdf'],
      },
      async (access, ctx, request, reply) => {
        requireCaseAbility(access, 'plan', 'read');
        const { pdf, reference, number } = await ctx.db.transaction().execute(async (trx) => {
          const plan = await planToPrint(trx, access, request.query.planId);
          if (!plan && request.query.planId) throw unknownPlanVersion();
          if (!plan) throw new AppError('not_found');
          const { reference: caseReference, citizens } = await planPdfHeading(trx, access);
          const letterhead = await caseLetterhead(trx, access);
          await auditCaseRead(trx, ctx, access, {
            what: 'plan_pdf',
            details: { planId: plan.id, number: plan.number },
          });
          return {
            reference: caseReference,
            number: plan.number,
            pdf: await planPdf({
              locale: ctx.language,
              reference: caseReference,
              citizens,
              plan,
              now: new Date(),
              letterhead,
            }),
          };
        });
        return reply
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename="handleplan-${reference}-v${number}.pdf"`,
          )
          .type('application/pdf')
          .send(pdf);
      },
    );

    cases.post(
      '/api/cases/:id/plans',
      {
        policy: 'records.read',
        summary:
          'Start a new draft from the newest approved version (201), or answer the open draft or submitted version (200)',
        params: CaseIdParams,
        response: { 200: PlanSchema, 201: PlanSchema },
      },
      async (access, ctx, _request, reply) => {
        const { plan, created } = await createDraft(ctx, access);
        return reply.code(created ? 201 : 200).send(plan);
      },
    );

    cases.put(
      '/api/cases/:id/plans/:planId',
      {
        policy: 'records.read',
        summary:
          'Save a draft (a plan sent back becomes a draft again); optimistic locking on version',
        params: PlanParams,
        body: UpdatePlanBody,
        response: { 200: PlanSchema },
      },
      (access, ctx, request) => updatePlan(ctx, access, request.params.planId, request.body),
    );

    cases.post(
      '/api/cases/:id/plans/:planId/submit',
      {
        policy: 'records.read',
        summary: "Submit a draft for approval; the case's coordinators are notified",
        params: PlanParams,
        body: VersionBody,
        response: { 200: PlanSchema },
      },
      (access, ctx, request) =>
        submitPlan(ctx, access, request.params.planId, request.body.version),
    );

    cases.post(
      '/api/cases/:id/plans/:planId/approve',
      {
        policy: 'records.read',
        summary:
          "Approve a submitted plan or a draft (the case's coordinators; the steering group's meeting date in model 3)",
        params: PlanParams,
        body: ApprovePlanBody,
        response: { 200: PlanSchema },
      },
      (access, ctx, request) => approvePlan(ctx, access, request.params.planId, request.body),
    );

    cases.post(
      '/api/cases/:id/plans/:planId/reject',
      {
        policy: 'records.read',
        summary: "Send a submitted plan back with a comment (the case's coordinators)",
        params: PlanParams,
        body: RejectPlanBody,
        response: { 200: PlanSchema },
      },
      (access, ctx, request) => rejectPlan(ctx, access, request.params.planId, request.body),
    );
  };
