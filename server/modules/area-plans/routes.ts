import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { areaAbilities, requireArea, requireAreaRight } from '../../access/area-access.ts';
import { contextFor, type ContextKeys } from '../../platform/context.ts';
import { routeKit } from '../../platform/route-kit.ts';
import { AREA_GOAL_STATUSES } from '../../../shared/housing-areas.ts';
import { createAnalysis, listAnalyses, updateAnalysis } from './analyses.ts';
import { countAreaPlanGoalsByArea, followUpGoal } from './follow-ups.ts';
import { approveAreaPlan, sendBackAreaPlan, submitAreaPlan } from './plan-decisions.ts';
import { createAreaPlan, listAreaPlans, updateAreaPlan } from './plans.ts';
import {
  AnalysisListSchema,
  AnalysisParams,
  AnalysisSchema,
  AreaIdParams,
  AreaPlanListSchema,
  AreaPlanParams,
  AreaPlanSchema,
  AreaPlanVersionBody,
  CreateAnalysisBody,
  CreateAreaPlanBody,
  FollowUpBody,
  GoalParams,
  ReturnAreaPlanBody,
  UpdateAnalysisBody,
  UpdateAreaPlanBody,
} from './schema.ts';

const GoalCountsSchema = z.object(
  Object.fromEntries([...AREA_GOAL_STATUSES, 'total'].map((s) => [s, z.number().int()])) as Record<
    (typeof AREA_GOAL_STATUSES)[number] | 'total',
    z.ZodNumber
  >,
);

/**
 * The area analysis and the area action plan of a housing area (issue 16 part 4;
 * docs/housing-areas/plans.md). The area's team and the forum managers read and write them;
 * coordinators approve a plan another wrote; partners and leaders get 403 on the texts (the
 * figures route gives everyone with a standing the goals' counts). An area the caller cannot
 * see answers 404, and so does an id (version, zone, connector, goal) the area does not have.
 */
export const areaPlanRoutes =
  (options: { keys: ContextKeys }): FastifyPluginAsyncZod =>
  async (app) => {
    const route = routeKit(app, ['area-plans']);
    const ctx = contextFor(app, options.keys);
    const base = '/api/housing-areas/:id';

    route.get(
      `${base}/analyses`,
      {
        policy: 'areas.read',
        summary:
          "Every version of the area analysis, newest first, with the area's zones, the connectors its rounds found and its team (the area's team and managers)",
        params: AreaIdParams,
        response: { 200: AnalysisListSchema },
      },
      async (request) => listAnalyses(ctx(request), request.params.id),
    );

    route.post(
      `${base}/analyses`,
      {
        policy: 'areas.read',
        summary:
          "Start a new version of the analysis (a copy of the newest) with the client's id (201); the same id again answers it (200)",
        params: AreaIdParams,
        body: CreateAnalysisBody,
        response: { 200: AnalysisSchema, 201: AnalysisSchema },
      },
      async (request, reply) => {
        const { created, analysis } = await createAnalysis(
          ctx(request),
          request.params.id,
          request.body,
        );
        return reply.code(created ? 201 : 200).send(analysis);
      },
    );

    route.put(
      `${base}/analyses/:analysisId`,
      {
        policy: 'areas.read',
        summary:
          'Save the newest version of the analysis (optimistic locking; an earlier version is read-only)',
        params: AnalysisParams,
        body: UpdateAnalysisBody,
        response: { 200: AnalysisSchema },
      },
      async (request) =>
        updateAnalysis(ctx(request), request.params.id, request.params.analysisId, request.body),
    );

    route.get(
      `${base}/action-plans`,
      {
        policy: 'areas.read',
        summary:
          'Every version of the area action plan, newest first, goals with their follow-up history (the area team and managers)',
        params: AreaIdParams,
        response: { 200: AreaPlanListSchema },
      },
      async (request) => listAreaPlans(ctx(request), request.params.id),
    );

    route.post(
      `${base}/action-plans`,
      {
        policy: 'areas.read',
        summary:
          "Start a new draft (a copy of the newest approved version) with the client's id (201), or answer the open version (200)",
        params: AreaIdParams,
        body: CreateAreaPlanBody,
        response: { 200: AreaPlanSchema, 201: AreaPlanSchema },
      },
      async (request, reply) => {
        const { created, plan } = await createAreaPlan(
          ctx(request),
          request.params.id,
          request.body,
        );
        return reply.code(created ? 201 : 200).send(plan);
      },
    );

    route.put(
      `${base}/action-plans/:planId`,
      {
        policy: 'areas.read',
        summary: 'Save a draft: reflection answers and goals (optimistic locking on version)',
        params: AreaPlanParams,
        body: UpdateAreaPlanBody,
        response: { 200: AreaPlanSchema },
      },
      async (request) =>
        updateAreaPlan(ctx(request), request.params.id, request.params.planId, request.body),
    );

    route.post(
      `${base}/action-plans/:planId/submit`,
      {
        policy: 'areas.read',
        summary: 'Submit a draft for approval',
        params: AreaPlanParams,
        body: AreaPlanVersionBody,
        response: { 200: AreaPlanSchema },
      },
      async (request) =>
        submitAreaPlan(
          ctx(request),
          request.params.id,
          request.params.planId,
          request.body.version,
        ),
    );

    route.post(
      `${base}/action-plans/:planId/approve`,
      {
        policy: 'areas.read',
        summary:
          'Approve a submitted version (a coordinator of the area who did not write it; four-eyes)',
        params: AreaPlanParams,
        body: AreaPlanVersionBody,
        response: { 200: AreaPlanSchema },
      },
      async (request) =>
        approveAreaPlan(
          ctx(request),
          request.params.id,
          request.params.planId,
          request.body.version,
        ),
    );

    route.post(
      `${base}/action-plans/:planId/send-back`,
      {
        policy: 'areas.read',
        summary: 'Send a submitted version back to draft with a comment',
        params: AreaPlanParams,
        body: ReturnAreaPlanBody,
        response: { 200: AreaPlanSchema },
      },
      async (request) =>
        sendBackAreaPlan(ctx(request), request.params.id, request.params.planId, request.body),
    );

    route.post(
      `${base}/action-plans/:planId/goals/:goalKey/follow-ups`,
      {
        policy: 'areas.read',
        summary:
          "Record a goal's follow-up on the approved version (status, note, date, next review); appended to its history",
        params: GoalParams,
        body: FollowUpBody,
        response: { 200: AreaPlanSchema },
      },
      async (request) => {
        const { id, planId, goalKey } = request.params;
        return followUpGoal(ctx(request), id, planId, goalKey, request.body);
      },
    );

    route.get(
      `${base}/action-plans/figures`,
      {
        policy: 'areas.read',
        summary:
          "The approved plan's goals counted by status (everyone with a standing in the area; no texts)",
        params: AreaIdParams,
        response: { 200: GoalCountsSchema },
      },
      async (request) => {
        const c = ctx(request);
        const access = await requireArea(c.db, c.user, request.params.id);
        requireAreaRight(areaAbilities(access, c.user).readAggregates);
        const counts = await countAreaPlanGoalsByArea(c.db, access.municipalityCode, [
          access.areaId,
        ]);
        return counts.get(access.areaId)!;
      },
    );
  };
