import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApprovePlanBody,
  Plan,
  PlanList,
  PlanStatus,
  RejectPlanBody,
  UpdatePlanBody,
} from '../../../../server/modules/plans/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** The plans module of `server/modules/plans/routes.ts`, as the web app uses it. */
export type { Plan, PlanList, PlanStatus };
export type Goal = Plan['goals'][number];
export type UpdatePlanRequest = z.input<typeof UpdatePlanBody>;
export type ApprovePlanRequest = z.input<typeof ApprovePlanBody>;
export type RejectPlanRequest = z.input<typeof RejectPlanBody>;

/** Under the cases' key, so every change to the case refreshes the plan too (and vice versa). */
export const plansQueryKey = (caseId: string) => [...CASES_QUERY_KEY, 'plans', caseId] as const;

/** Every version of the case's plan, newest first, and who approves plans in the municipality. */
export function usePlans(caseId: string) {
  return useQuery({
    queryKey: plansQueryKey(caseId),
    queryFn: ({ signal }) => apiGet<PlanList>(`/api/cases/${caseId}/plans`, { signal }),
  });
}

/** The address of the plan as a PDF (default: the newest approved version, else the newest). */
export const planPdfUrl = (caseId: string, planId?: string) =>
  `/api/cases/${caseId}/plan.pdf${planId ? `?planId=${planId}` : ''}`;

export const createDraft = (caseId: string) => apiSend<Plan>('POST', `/api/cases/${caseId}/plans`);

export const savePlan = (caseId: string, planId: string, body: UpdatePlanRequest) =>
  apiSend<Plan>('PUT', `/api/cases/${caseId}/plans/${planId}`, body);

export const submitPlan = (caseId: string, planId: string, version: number) =>
  apiSend<Plan>('POST', `/api/cases/${caseId}/plans/${planId}/submit`, { version });

export const approvePlan = (caseId: string, planId: string, body: ApprovePlanRequest) =>
  apiSend<Plan>('POST', `/api/cases/${caseId}/plans/${planId}/approve`, body);

export const rejectPlan = (caseId: string, planId: string, body: RejectPlanRequest) =>
  apiSend<Plan>('POST', `/api/cases/${caseId}/plans/${planId}/reject`, body);
