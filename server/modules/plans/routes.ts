import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { ContextKeys } from '../../platform/context.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.ts';
import { auditCaseRead, caseRouteKit } from '../cases/case-work.ts';
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
import { loadPlans, planToPrint } from './reading.ts';

/**
 * The case's action plan (NCFE tool 5: goals and agreements): its versions, a draft written by
 * the members with the whole case, approval by the case's coordinators (or recorded as the
 * steering group's, model 3), and the plan as a PDF for the citizen. Non-members get 404 before
 * anything else; every read writes its audit entries in the transaction of the read.
 */
export const planRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['plans'];
    const config = { policy: 'records.read', record: 'case' } as const;
    const { contextOf, accessOr404 } = caseRouteKit(app, options.keys);

    app.get(
      '/api/cases/:id/plans',
      {
        config,
        schema: {
          tags,
          summary:
            "Every version of the case's action plan, newest first, and who approves plans (members with the whole case)",
          params: CaseIdParams,
          response: { 200: PlanListSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        requireCaseAbility(access, 'plan', 'read');
        const ctx = contextOf(request);
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

    app.get(
      '/api/cases/:id/plan.pdf',
      {
        config,
        schema: {
          tags,
          summary:
            'The action plan as a PDF for the citizen (default: the newest approved version, else the newest); 404 without a plan',
          params: CaseIdParams,
          querystring: PlanPdfQuery,
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        requireCaseAbility(access, 'plan', 'read');
        const ctx = contextOf(request);
        const { pdf, reference, number } = await ctx.db.transaction().execute(async (trx) => {
          const plan = await planToPrint(trx, access, request.query.planId);
          if (!plan) throw new AppError('not_found');
          const { reference: caseReference, citizens } = await planPdfHeading(trx, access);
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

    app.post(
      '/api/cases/:id/plans',
      {
        config,
        schema: {
          tags,
          summary:
            'Start a new draft from the newest approved version (201), or answer the open draft or submitted version (200)',
          params: CaseIdParams,
          response: { 200: PlanSchema, 201: PlanSchema },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const { plan, created } = await createDraft(contextOf(request), access);
        return reply.code(created ? 201 : 200).send(plan);
      },
    );

    app.put(
      '/api/cases/:id/plans/:planId',
      {
        config,
        schema: {
          tags,
          summary:
            'Save a draft (a plan sent back becomes a draft again); optimistic locking on version',
          params: PlanParams,
          body: UpdatePlanBody,
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return updatePlan(contextOf(request), access, request.params.planId, request.body);
      },
    );

    app.post(
      '/api/cases/:id/plans/:planId/submit',
      {
        config,
        schema: {
          tags,
          summary: "Submit a draft for approval; the case's coordinators are notified",
          params: PlanParams,
          body: VersionBody,
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return submitPlan(contextOf(request), access, request.params.planId, request.body.version);
      },
    );

    app.post(
      '/api/cases/:id/plans/:planId/approve',
      {
        config,
        schema: {
          tags,
          summary:
            "Approve a submitted plan or a draft (the case's coordinators; the steering group's meeting date in model 3)",
          params: PlanParams,
          body: ApprovePlanBody,
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return approvePlan(contextOf(request), access, request.params.planId, request.body);
      },
    );

    app.post(
      '/api/cases/:id/plans/:planId/reject',
      {
        config,
        schema: {
          tags,
          summary: "Send a submitted plan back with a comment (the case's coordinators)",
          params: PlanParams,
          body: RejectPlanBody,
          response: { 200: PlanSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return rejectPlan(contextOf(request), access, request.params.planId, request.body);
      },
    );
  };
