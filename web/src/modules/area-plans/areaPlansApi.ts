import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Analysis,
  AnalysisListSchema,
  AreaPlan,
  AreaPlanListSchema,
  FollowUpBody,
  UpdateAnalysisBody,
  UpdateAreaPlanBody,
} from '../../../../server/modules/area-plans/schema.ts';
import { apiGet, apiSend } from '../../app/api';

/** The area-plans module of `server/modules/area-plans/routes.ts`, as the web app uses it. */
export type { Analysis, AreaPlan };
export type AnalysisList = z.infer<typeof AnalysisListSchema>;
export type AreaPlanList = z.infer<typeof AreaPlanListSchema>;
export type AreaPlanOptions = AnalysisList['options'];
export type AreaGoal = AreaPlan['goals'][number];
export type UpdateAnalysisRequest = z.input<typeof UpdateAnalysisBody>;
export type UpdateAreaPlanRequest = z.input<typeof UpdateAreaPlanBody>;
export type FollowUpRequest = z.input<typeof FollowUpBody>;

const base = (areaId: string) => `/api/housing-areas/${areaId}`;
export const areaPlansKey = (areaId: string) => ['housing-areas', areaId, 'area-plans'] as const;

export function useAnalyses(areaId: string) {
  return useQuery({
    queryKey: [...areaPlansKey(areaId), 'analyses'],
    queryFn: ({ signal }) => apiGet<AnalysisList>(`${base(areaId)}/analyses`, { signal }),
  });
}

export function useAreaPlans(areaId: string) {
  return useQuery({
    queryKey: [...areaPlansKey(areaId), 'plans'],
    queryFn: ({ signal }) => apiGet<AreaPlanList>(`${base(areaId)}/action-plans`, { signal }),
  });
}

/** Refreshes the analysis and the plan of the area after a change. */
export function useRefreshAreaPlans(areaId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: areaPlansKey(areaId) });
}

export const createAnalysis = (areaId: string) =>
  apiSend<Analysis>('POST', `${base(areaId)}/analyses`, { id: crypto.randomUUID() });

export const saveAnalysis = (areaId: string, id: string, body: UpdateAnalysisRequest) =>
  apiSend<Analysis>('PUT', `${base(areaId)}/analyses/${id}`, body);

export const createAreaPlan = (areaId: string) =>
  apiSend<AreaPlan>('POST', `${base(areaId)}/action-plans`, { id: crypto.randomUUID() });

export const saveAreaPlan = (areaId: string, id: string, body: UpdateAreaPlanRequest) =>
  apiSend<AreaPlan>('PUT', `${base(areaId)}/action-plans/${id}`, body);

export const submitAreaPlan = (areaId: string, id: string, version: number) =>
  apiSend<AreaPlan>('POST', `${base(areaId)}/action-plans/${id}/submit`, { version });

export const approveAreaPlan = (areaId: string, id: string, version: number) =>
  apiSend<AreaPlan>('POST', `${base(areaId)}/action-plans/${id}/approve`, { version });

export const sendBackAreaPlan = (areaId: string, id: string, version: number, comment: string) =>
  apiSend<AreaPlan>('POST', `${base(areaId)}/action-plans/${id}/send-back`, { version, comment });

export const followUpGoal = (areaId: string, planId: string, key: string, body: FollowUpRequest) =>
  apiSend<AreaPlan>('POST', `${base(areaId)}/action-plans/${planId}/goals/${key}/follow-ups`, body);
