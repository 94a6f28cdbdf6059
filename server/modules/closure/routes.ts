import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { ContextKeys } from '../../platform/context.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { grantCaseAccess } from '../../access/records.ts';
import { AppError } from '../../platform/errors.ts';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
import { CaseIdParams } from '../cases/schema.ts';
import { loadClosureOverview } from './queries.ts';
import {
  ApproveClosureBody,
  ClosureOverviewSchema,
  ClosureParams,
  ClosureResponse,
  ProposeClosureBody,
  RecordReviewBody,
  RejectClosureBody,
  ReviewParams,
  VersionResponse,
} from './schema.ts';
import { approveClosure, ownPendingProposals, rejectClosure } from './decisions.ts';
import { proposeClosure } from './propose.ts';
import { recordReview } from './review.ts';
import { collectCaseSummary } from './summary.ts';
import { renderCaseSummary } from './summary-pdf.ts';
import { caseLetterhead } from '../cases/documents.ts';

/**
 * Closure, re-review and the case summary PDF. Every route finds the caller's access to the case
 * first (404 for non-members, exactly as for a missing case); reads are for members with the
 * whole case (and break-the-glass readers), writes as propose.ts, decisions.ts and review.ts say.
 */
export const closureRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const cases = caseWorkRoutes(app, options.keys, ['case work']);

    cases.get(
      '/api/cases/:id/closure',
      {
        policy: 'records.read',
        summary:
          "The case's closure proposals, re-reviews, and what a proposal must cover (members with the whole case)",
        params: CaseIdParams,
        response: { 200: ClosureOverviewSchema },
      },
      async (access, ctx, request) => {
        requireCaseAbility(access, 'closure', 'read');
        return ctx.db.transaction().execute(async (trx) => {
          const overview = await loadClosureOverview(trx, access);
          overview.needsAnotherCoordinator = await ownPendingProposals(
            trx,
            ctx,
            access,
            overview.closures,
          );
          await auditCaseRead(trx, ctx, access, { what: 'closure' });
          // Names of catalogue entries that reveal the concern, for the compartment's readers.
          grantCaseAccess(request, access);
          return overview;
        });
      },
    );

    cases.post(
      '/api/cases/:id/closure',
      {
        policy: 'records.read',
        summary:
          'Propose closing the case: outcome, reason, each goal’s status and each open intervention’s disposition (members with the whole case)',
        params: CaseIdParams,
        body: ProposeClosureBody,
        response: { 200: ClosureResponse, 201: ClosureResponse },
      },
      async (access, ctx, request, reply) => {
        const { created, ...closure } = await proposeClosure(ctx, access, request.body);
        return reply.code(created ? 201 : 200).send(closure);
      },
    );

    cases.post(
      '/api/cases/:id/closure/:closureId/approve',
      {
        policy: 'records.read',
        summary:
          "Approve a closure proposal: the case closes and re-reviews are scheduled (the case's coordinators)",
        params: ClosureParams,
        body: ApproveClosureBody,
        response: { 200: VersionResponse },
      },
      async (access, ctx, request) => ({
        version: await approveClosure(ctx, access, request.params.closureId, request.body),
      }),
    );

    cases.post(
      '/api/cases/:id/closure/:closureId/reject',
      {
        policy: 'records.read',
        summary: "Send a closure proposal back with a comment (the case's coordinators)",
        params: ClosureParams,
        body: RejectClosureBody,
        response: { 204: z.null() },
      },
      async (access, ctx, request, reply) => {
        await rejectClosure(ctx, access, request.params.closureId, request.body);
        return reply.code(204).send(null);
      },
    );

    cases.post(
      '/api/cases/:id/reviews/:reviewId',
      {
        policy: 'records.read',
        summary:
          "Record a re-review: confirm the closure or reopen the case, with the effect-goal outcomes (the case's coordinators)",
        params: ReviewParams,
        body: RecordReviewBody,
        response: { 200: VersionResponse },
      },
      async (access, ctx, request) => ({
        version: await recordReview(ctx, access, request.params.reviewId, request.body),
      }),
    );

    cases.get(
      '/api/cases/:id/summary.pdf',
      {
        policy: 'records.read',
        summary:
          'The case summary as a PDF for handover and journalisation, respecting the compartment (members with the whole case)',
        params: CaseIdParams,
        produces: ['application/pdf'],
      },
      async (access, ctx, _request, reply) => {
        requireCaseAbility(access, 'closure', 'read');
        const { summary, letterhead } = await ctx.db.transaction().execute(async (trx) => {
          const collected = await collectCaseSummary(trx, access);
          if (!collected) throw new AppError('not_found');
          await auditCaseRead(trx, ctx, access, { what: 'case_summary_pdf' });
          return { summary: collected, letterhead: await caseLetterhead(trx, access) };
        });
        const now = new Date();
        const bytes = await renderCaseSummary(summary, {
          locale: ctx.language,
          printedBy: ctx.user.displayName,
          now,
          letterhead,
        });
        return reply
          .header('content-type', 'application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="sagsresume-${summary.reference}.pdf"`,
          )
          .header('cache-control', 'no-store')
          .send(bytes);
      },
    );
  };
