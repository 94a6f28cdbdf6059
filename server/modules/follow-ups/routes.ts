import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { ContextKeys } from '../../platform/context.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditCaseRead, caseRouteKit } from '../cases/case-work.ts';
import { CaseIdParams } from '../cases/schema.ts';
import {
  CancelFollowUpBody,
  FollowUpListSchema,
  FollowUpParams,
  FollowUpWriteResponse,
  NewFollowUpBody,
  RecordFollowUpBody,
} from './schema.ts';
import { listFollowUps } from './listing.ts';
import { recordFollowUp } from './recording.ts';
import { addFollowUp, cancelFollowUp } from './scheduling.ts';

/**
 * Follow-ups and life-competence ratings: the list (with the approved plan's goals and the
 * competence series for the chart), scheduling one more, recording one as held (concern level
 * re-judged, goal progress, competences), cancelling one. Members with the whole case; a
 * break-the-glass reader may read; 404 for everyone else, as for a case that does not exist.
 */
export const followUpRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['follow-ups'];
    const { contextOf, accessOr404 } = caseRouteKit(app, options.keys);

    app.get(
      '/api/cases/:id/follow-ups',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            "The case's follow-ups (due date ascending), the approved plan's goals and the life-competence series (members with the whole case)",
          params: CaseIdParams,
          response: { 200: FollowUpListSchema },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        requireCaseAbility(access, 'followUps', 'read');
        const ctx = contextOf(request);
        return ctx.db.transaction().execute(async (trx) => {
          const list = await listFollowUps(trx, access, new Date());
          await auditCaseRead(trx, ctx, access, {
            what: 'follow_ups',
            details: { followUps: list.items.length },
          });
          return list;
        });
      },
    );

    app.post(
      '/api/cases/:id/follow-ups',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            'Schedule one more follow-up (dueOn), or record one that was not scheduled (heldOn, concernLevel …); idempotent on the client id',
          params: CaseIdParams,
          body: NewFollowUpBody,
          response: { 200: FollowUpWriteResponse, 201: FollowUpWriteResponse },
        },
      },
      async (request, reply) => {
        const access = await accessOr404(request, request.params.id);
        const result = await addFollowUp(contextOf(request), access, request.body);
        return reply
          .code(result.created ? 201 : 200)
          .send({ id: result.id, version: result.version });
      },
    );

    app.post(
      '/api/cases/:id/follow-ups/:followUpId/record',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary:
            'Record a scheduled follow-up as held: the concern level re-judged, goal progress and optional life-competence ratings',
          params: FollowUpParams,
          body: RecordFollowUpBody,
          response: { 200: FollowUpWriteResponse },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return recordFollowUp(contextOf(request), access, request.params.followUpId, request.body);
      },
    );

    app.post(
      '/api/cases/:id/follow-ups/:followUpId/cancel',
      {
        config: { policy: 'records.read', record: 'case' },
        schema: {
          tags,
          summary: 'Cancel a scheduled follow-up',
          params: FollowUpParams,
          body: CancelFollowUpBody,
          response: { 200: FollowUpWriteResponse },
        },
      },
      async (request) => {
        const access = await accessOr404(request, request.params.id);
        return cancelFollowUp(contextOf(request), access, request.params.followUpId, {
          version: request.body.version,
        });
      },
    );
  };
