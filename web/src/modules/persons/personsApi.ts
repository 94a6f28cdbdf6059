import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { AccessReport, PersonSchema } from '../../../../server/modules/persons/schema.ts';
import { apiGet } from '../../app/api';

/** The persons module of `server/modules/persons/routes.ts`, as the web app uses it. */
export type Person = z.infer<typeof PersonSchema>;
export type { AccessReport };
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
  'break_glass',
  'access_report',
  'case_membership',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export function isPurpose(value: string | null): value is Purpose {
  return (PURPOSES as readonly (string | null)[]).includes(value);
}
