import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddCasePersonBody,
  MemberCandidates,
  RemoveCasePersonBody,
} from '../../../../server/modules/cases/schema-people.ts';
import type { AddMemberBody } from '../../../../server/modules/cases/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from './casesApi';

/** The persons and members of a case as its coordinators change them (cases/routes-people.ts). */
export type AddCasePersonRequest = z.input<typeof AddCasePersonBody>;
export type RemoveCasePersonRequest = z.input<typeof RemoveCasePersonBody>;
export type AddMemberRequest = z.input<typeof AddMemberBody>;
export type MemberCandidate = MemberCandidates['items'][number];
type PersonChange = { personId: string; version: number };

export const addCasePerson = (caseId: string, body: AddCasePersonRequest) =>
  apiSend<PersonChange>('POST', `/api/cases/${caseId}/persons`, body);

export const removeCasePerson = (caseId: string, personId: string, body: RemoveCasePersonRequest) =>
  apiSend<PersonChange>('POST', `/api/cases/${caseId}/persons/${personId}/removal`, body);

export const addCaseMember = (caseId: string, body: AddMemberRequest) =>
  apiSend<void>('POST', `/api/cases/${caseId}/members`, body);

export const removeCaseMember = (caseId: string, userId: string) =>
  apiSend<void>('DELETE', `/api/cases/${caseId}/members/${userId}`);

/** Colleagues who may be added as members (asked only while the add form is open). */
export function useMemberCandidates(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...CASES_QUERY_KEY, 'member-candidates', caseId],
    queryFn: ({ signal }) =>
      apiGet<MemberCandidates>(`/api/cases/${caseId}/member-candidates`, { signal }),
    enabled,
  });
}
