import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Disclosure,
  DisclosureList,
  ReadLog,
  RecordDisclosureBody,
  RegisterPage,
  RegisterSearchBody,
} from '../../../../server/modules/disclosures/schema.ts';
import type {
  CitizenTrail,
  CitizenTrailBody,
} from '../../../../server/modules/disclosures/schema-trail.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** The disclosure register of `server/modules/disclosures/routes.ts`, as the web app uses it. */
export type { Disclosure, DisclosureList, ReadLog, RegisterPage };
export type ReadLogEntry = ReadLog['items'][number];

/** Under the cases key, so a change anywhere in the case refreshes it (and logout drops it). */
export const disclosuresKey = (caseId: string) =>
  [...CASES_QUERY_KEY, 'disclosures', caseId] as const;

/** The case's disclosures, newest day first, a page at a time. */
export function useCaseDisclosures(caseId: string) {
  return useInfiniteQuery({
    queryKey: disclosuresKey(caseId),
    queryFn: ({ pageParam, signal }) =>
      apiGet<DisclosureList>(withQuery(`/api/cases/${caseId}/disclosures`, { after: pageParam }), {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export const recordDisclosure = (caseId: string, body: z.input<typeof RecordDisclosureBody>) =>
  apiSend<Disclosure>('POST', `/api/cases/${caseId}/disclosures`, body);

/** Who has read the case, newest first (the coordinators and the data-protection role). */
export function useReadLog(caseId: string, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...CASES_QUERY_KEY, 'read-log', caseId] as const,
    queryFn: ({ pageParam, signal }) =>
      apiGet<ReadLog>(withQuery(`/api/cases/${caseId}/read-log`, { after: pageParam }), {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    enabled,
  });
}

/** The register's search: POST, so that a CPR number never appears in an address. */
export const searchRegister = (body: z.input<typeof RegisterSearchBody>) =>
  apiSend<RegisterPage>('POST', '/api/disclosures/search', body);

/** Who has seen and received a citizen's data: POST, so that a CPR number never is in an address. */
export const citizenTrail = (body: z.input<typeof CitizenTrailBody>) =>
  apiSend<CitizenTrail>('POST', '/api/disclosures/citizen-trail', body);
export type { CitizenTrail };
export type TrailEntry = CitizenTrail['items'][number];
