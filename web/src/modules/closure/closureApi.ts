import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import {
  ClosureOutcomeSchema,
  type ClosureOverview,
  type DispositionSchema,
  type ProposeClosureBody,
  type RecordReviewBody,
} from '../../../../server/modules/closure/schema.ts';
import { GOAL_STATUSES } from '../../../../shared/values.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** Closure and re-review of `server/modules/closure/routes.ts`, as the web app uses them. */
export type { ClosureOverview };
export type ClosureOutcome = z.infer<typeof ClosureOutcomeSchema>;
export type Disposition = z.infer<typeof DispositionSchema>;
export type Closure = ClosureOverview['closures'][number];
export type Review = ClosureOverview['reviews'][number];
export type PlanGoal = ClosureOverview['goals'][number];
export type GoalStatus = Closure['goalStatuses'][number]['status'];

export const OUTCOMES: readonly ClosureOutcome[] = ClosureOutcomeSchema.options;
export { GOAL_STATUSES };

/**
 * An intervention's catalogue entry name. One that reveals the concern comes without `typeName`,
 * and with `concernTypeName` only to a reader with the compartment: a neutral name otherwise.
 */
export function interventionName(
  t: TFunction,
  i: { typeName: string | null; concernTypeName?: string | null },
): string {
  return i.concernTypeName ?? i.typeName ?? t('caseInterventions.neutralName');
}

/** Under the cases key, so a change anywhere in the case refreshes it (and logout drops it). */
export const closureKey = (caseId: string) => [...CASES_QUERY_KEY, 'closure', caseId] as const;

export function useClosure(caseId: string) {
  return useQuery({
    queryKey: closureKey(caseId),
    queryFn: ({ signal }) => apiGet<ClosureOverview>(`/api/cases/${caseId}/closure`, { signal }),
  });
}

export type ProposeRequest = z.input<typeof ProposeClosureBody>;

export const proposeClosure = (caseId: string, body: ProposeRequest) =>
  apiSend<{ id: string; status: string }>('POST', `/api/cases/${caseId}/closure`, body);

export const approveClosure = (caseId: string, closureId: string, caseVersion: number) =>
  apiSend<{ version: number }>('POST', `/api/cases/${caseId}/closure/${closureId}/approve`, {
    caseVersion,
  });

export const rejectClosure = (caseId: string, closureId: string, comment: string) =>
  apiSend<void>('POST', `/api/cases/${caseId}/closure/${closureId}/reject`, { comment });

export type ReviewRequest = z.input<typeof RecordReviewBody>;

export const recordReview = (caseId: string, reviewId: string, body: ReviewRequest) =>
  apiSend<{ version: number }>('POST', `/api/cases/${caseId}/reviews/${reviewId}`, body);
