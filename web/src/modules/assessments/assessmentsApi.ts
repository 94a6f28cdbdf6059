import { useQuery } from '@tanstack/react-query';
import type {
  Assessment,
  AssessmentBodyInput,
  AssessmentList,
  AssessmentResponseBody,
  AssessmentStatus,
  Dimension,
} from '../../../../server/modules/assessments/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** The assessments module of `server/modules/assessments/routes.ts`, as the web app uses it. */
export type { Assessment, AssessmentList, AssessmentStatus, Dimension };
export type { ConcernLevel } from '../../../../shared/values.ts';
export type AssessmentRequest = AssessmentBodyInput;

/**
 * The nine dimensions in the tool's order, the follow-up frequencies offered (days) and the
 * limits of the server's schema (for the form's maxLength and hints): the server's own lists.
 */
export {
  DIMENSIONS,
  FOLLOW_UP_INTERVALS,
  LIMITS,
} from '../../../../server/modules/assessments/schema.ts';
export { CONCERN_LEVELS } from '../../../../shared/values.ts';

/** Every version of the case's assessment, newest first. */
export function useAssessments(caseId: string) {
  return useQuery({
    queryKey: [...CASES_QUERY_KEY, 'assessments', caseId],
    queryFn: ({ signal }) => apiGet<AssessmentList>(`/api/cases/${caseId}/assessments`, { signal }),
  });
}

/** Starts a draft from the latest final assessment (or returns the draft that exists). */
export const startAssessment = (caseId: string) =>
  apiSend<AssessmentResponseBody>('POST', `/api/cases/${caseId}/assessments`, {});

export const saveAssessment = (caseId: string, assessmentId: string, body: AssessmentRequest) =>
  apiSend<AssessmentResponseBody>('PUT', `/api/cases/${caseId}/assessments/${assessmentId}`, body);

export const finaliseAssessment = (caseId: string, assessmentId: string, version: number) =>
  apiSend<AssessmentResponseBody>(
    'POST',
    `/api/cases/${caseId}/assessments/${assessmentId}/finalise`,
    { version },
  );
