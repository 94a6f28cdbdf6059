import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccessReport,
  Duplicates,
  PersonSchema,
  PersonSearchSchema,
  Relation,
  UpdatePerson,
} from '../../../../server/modules/persons/schema.ts';
import { ApiError, apiGet, apiSend } from '../../app/api';

/** The persons module of `server/modules/persons/routes.ts`, as the web app uses it. */
export type Person = z.infer<typeof PersonSchema>;
export type { AccessReport, Duplicates, Relation, UpdatePerson };
export type PersonRelation = Person['relations'][number];
export type DuplicateHit = Duplicates['items'][number];

/** The relations the server knows, in the order the forms offer them. */
export const RELATIONS: readonly Relation[] = [
  'parent',
  'child',
  'sibling',
  'younger_sibling',
  'spouse',
  'friend',
  'other',
];
export type AccessReportEntry = AccessReport['items'][number];

export const PERSONS_QUERY_KEY = ['persons'] as const;

/** One person, for members of one of the person's cases; 404 (ApiError) for everyone else. */
export function usePerson(id: string, enabled = true) {
  return useQuery({
    queryKey: [...PERSONS_QUERY_KEY, id],
    queryFn: ({ signal }) => apiGet<Person>(`/api/persons/${id}`, { signal }),
    enabled,
  });
}

/** Fetches the person (and what links to them) again after a change. */
export function useInvalidatePersons() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: PERSONS_QUERY_KEY });
}

/** The full CPR number (audited on the server); null when the person has none. */
export function unmaskCpr(id: string) {
  return apiSend<{ cpr: string | null }>('POST', `/api/persons/${id}/cpr`);
}

/** Saves changed details; 409 (`isStale`) when someone else saved first. */
export function updatePerson(id: string, body: UpdatePerson) {
  return apiSend<{ id: string; version: number }>('PATCH', `/api/persons/${id}`, body);
}

export function addRelation(id: string, relatedPersonId: string, relation: Relation) {
  return apiSend<void>('POST', `/api/persons/${id}/relations`, { relatedPersonId, relation });
}

export function removeRelation(id: string, relatedPersonId: string) {
  return apiSend<void>('DELETE', `/api/persons/${id}/relations/${relatedPersonId}`);
}

/** Possible duplicates: by CPR number, or birth date and name (POST: no CPR number in a URL). */
export function findDuplicates(body: {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  cpr?: string;
}) {
  return apiSend<Duplicates>('POST', '/api/persons/possible-duplicates', body);
}

/** Merges the person (at `version`) into another registration of the same person. */
export function mergePerson(id: string, intoPersonId: string, version: number) {
  return apiSend<{ intoPersonId: string; version: number }>('POST', `/api/persons/${id}/merge`, {
    intoPersonId,
    version,
  });
}

/** The server's code for a rejected field, e.g. `merge_cpr_differs`. */
export function fieldCode(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fields.find((f) => f.field === field)?.code : undefined;
}

/**
 * The person's access report, a page at a time. Never cached for long: each fetch is itself an
 * entry in the report, and the page shows when it was made.
 */
export function useAccessReport(id: string) {
  return useInfiniteQuery({
    queryKey: [...PERSONS_QUERY_KEY, id, 'access-report'],
    queryFn: ({ pageParam, signal }) =>
      apiGet<AccessReport>(
        `/api/persons/${id}/access-report${pageParam ? `?after=${encodeURIComponent(pageParam)}` : ''}`,
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

/** The purposes the server records (`PURPOSES` in server/access/record-audit.ts). */
export const PURPOSES = [
  'case_work',
  'case_list',
  'inquiry_assessment',
  'inquiry_intake',
  'break_glass',
  'access_report',
  'case_membership',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export function isPurpose(value: string | null): value is Purpose {
  return (PURPOSES as readonly (string | null)[]).includes(value);
}

/** What "Find person" searches by, as the form holds it (the server's schema checks it). */
export type PersonCriteria = { name: string; cpr: string; birthDate: string };
export type PersonSearchResult = z.infer<typeof PersonSearchSchema>;
export type FoundPerson = PersonSearchResult['items'][number];

/** The query of one search: POST, so no name or CPR number is in an address or a log. */
export function personSearchQuery(criteria: PersonCriteria) {
  return {
    queryKey: [...PERSONS_QUERY_KEY, 'search', criteria] as const,
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) =>
      apiSend<PersonSearchResult>(
        'POST',
        '/api/persons/search',
        { ...criteria, ...(pageParam && { after: pageParam }) },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last: PersonSearchResult) => last.nextCursor,
  };
}

/**
 * The pages of a search made (each search is audited on the server, so the answer is not
 * fetched again by itself); disabled until the first search.
 */
export function usePersonSearch(criteria: PersonCriteria | null) {
  return useInfiniteQuery({
    ...personSearchQuery(criteria ?? { name: '', cpr: '', birthDate: '' }),
    enabled: criteria !== null,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
