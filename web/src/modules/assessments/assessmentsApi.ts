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
export type ConcernLevel = NonNullable<Assessment['concernLevel']>;
export type AssessmentRequest = AssessmentBodyInput;

/** The nine dimensions in the tool's order (a Record, so a new one fails to compile). */
const DIMENSION_ORDER: Record<Dimension, number> = {
  convictions_rhetoric: 1,
  personality: 2,
  violence: 3,
  mental_vulnerability: 4,
  criminal_history: 5,
  family: 6,
  socialisation_relationships: 7,
  network_leisure: 8,
  education_employment: 9,
};
export const DIMENSIONS = (Object.keys(DIMENSION_ORDER) as Dimension[]).sort(
  (a, b) => DIMENSION_ORDER[a] - DIMENSION_ORDER[b],
);

export const CONCERN_LEVELS: readonly ConcernLevel[] = ['low', 'moderate', 'high'];
export function isConcernLevel(value: string): value is ConcernLevel {
  return (CONCERN_LEVELS as readonly string[]).includes(value);
}

/** The follow-up frequencies offered (days). */
export const FOLLOW_UP_INTERVALS = [7, 14, 30, 60, 90] as const;

/** The limits of the server's schema, for the form's maxLength and hints. */
export const LIMITS = {
  dimensionText: 4000,
  text: 4000,
  overallJudgement: 8000,
  listItems: 30,
  listItem: 500,
} as const;

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
