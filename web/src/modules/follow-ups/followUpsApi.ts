import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FollowUpList,
  FollowUpWriteResponse,
  NewFollowUpBody,
  RecordFollowUpBody,
} from '../../../../server/modules/follow-ups/schema.ts';
import {
  COMPETENCES,
  CONCERN_LEVELS,
  GOAL_STATUSES,
  type Competence,
} from '../../../../shared/values.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** The follow-ups module of `server/modules/follow-ups/routes.ts`, as the web app uses it. */
export type { FollowUpList };
export type FollowUpItem = FollowUpList['items'][number];
export type PlanGoal = FollowUpList['goals'][number];
export type ConcernLevel = NonNullable<FollowUpItem['concernLevel']>;
export type ConcernChange = NonNullable<FollowUpItem['concernChange']>;
export type GoalStatus = PlanGoal['status'];
export type { Competence };
export type WriteResult = z.infer<typeof FollowUpWriteResponse>;
export type NewFollowUpRequest = z.input<typeof NewFollowUpBody>;
export type RecordFollowUpRequest = z.input<typeof RecordFollowUpBody>;

/** The ten life competences, in the order the form and the chart show them. */
export const COMPETENCE_LIST: readonly Competence[] = COMPETENCES;
export { CONCERN_LEVELS, GOAL_STATUSES };

/** Under the cases key: a change to the case invalidates it along with the case itself. */
export const followUpsKey = (caseId: string) => [...CASES_QUERY_KEY, 'followUps', caseId] as const;

export function useFollowUps(caseId: string) {
  return useQuery({
    queryKey: followUpsKey(caseId),
    queryFn: ({ signal }) => apiGet<FollowUpList>(`/api/cases/${caseId}/follow-ups`, { signal }),
  });
}

export const addFollowUp = (caseId: string, body: NewFollowUpRequest) =>
  apiSend<WriteResult>('POST', `/api/cases/${caseId}/follow-ups`, body);

export const recordFollowUp = (caseId: string, followUpId: string, body: RecordFollowUpRequest) =>
  apiSend<WriteResult>('POST', `/api/cases/${caseId}/follow-ups/${followUpId}/record`, body);

export const cancelFollowUp = (caseId: string, followUpId: string, version: number) =>
  apiSend<WriteResult>('POST', `/api/cases/${caseId}/follow-ups/${followUpId}/cancel`, {
    version,
  });
