import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { ContextKeys } from '../../platform/context.ts';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditCaseRead } from '../cases/case-work.ts';
import { caseWorkRoutes } from '../cases/case-routes.ts';
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
    const cases = caseWorkRoutes(app, options.keys, ['follow-ups']);

    cases.get(
      '/api/cases/:id/follow-ups',
      {
        policy: 'records.read',
        summary:
          "The case's follow-ups (due date ascending), the approved plan's goals and the life-competence series (members with the whole case)",
        params: CaseIdParams,
        response: { 200: FollowUpListSchema },
      },
      async (access, ctx) => {
        requireCaseAbility(access, 'followUps', 'read');
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

    cases.post(
      '/api/cases/:id/follow-ups',
      {
        policy: 'records.read',
        summary:
          'Schedule one more follow-up (dueOn), or record one that was not scheduled (heldOn, concernLevel …); idempotent on the client id',
        params: CaseIdParams,
        body: NewFollowUpBody,
        response: { 200: FollowUpWriteResponse, 201: FollowUpWriteResponse },
      },
      async (access, ctx, request, reply) => {
        const result = await addFollowUp(ctx, access, request.body);
        return reply
          .code(result.created ? 201 : 200)
          .send({ id: result.id, version: result.version });
      },
    );

    cases.post(
      '/api/cases/:id/follow-ups/:followUpId/record',
      {
        policy: 'records.read',
        summary:
          'Record a scheduled follow-up as held: the concern level re-judged, goal progress and optional life-competence ratings',
        params: FollowUpParams,
        body: RecordFollowUpBody,
        response: { 200: FollowUpWriteResponse },
      },
      (access, ctx, request) =>
        recordFollowUp(ctx, access, request.params.followUpId, request.body),
    );

    cases.post(
      '/api/cases/:id/follow-ups/:followUpId/cancel',
      {
        policy: 'records.read',
        summary: 'Cancel a scheduled follow-up',
        params: FollowUpParams,
        body: CancelFollowUpBody,
        response: { 200: FollowUpWriteResponse },
      },
      (access, ctx, request) =>
        cancelFollowUp(ctx, access, request.params.followUpId, { version: request.body.version }),
    );
  };
