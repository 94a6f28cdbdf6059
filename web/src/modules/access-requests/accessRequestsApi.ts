import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccessItem,
  AccessRequest,
  AccessRequestPage,
  AccessRequestSummary,
  RegisterAccessRequestBody,
  ReviewItemBody,
} from '../../../../server/modules/access-requests/schema.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';

/** The access requests of `server/modules/access-requests/routes.ts`, as the web app uses it. */
export type { AccessItem, AccessRequest, AccessRequestPage, AccessRequestSummary };

export const ACCESS_REQUESTS_KEY = ['access-requests'] as const;

export interface AccessFilters {
  status: string;
  kind: string;
  overdue: string;
}

/** The municipality's requests, earliest deadline first, a page at a time. */
export function useAccessRequests(filters: AccessFilters) {
  return useInfiniteQuery({
    queryKey: [...ACCESS_REQUESTS_KEY, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      apiGet<AccessRequestPage>(
        withQuery('/api/access-requests', {
          status: filters.status || null,
          kind: filters.kind || null,
          overdue: filters.overdue || null,
          after: pageParam,
        }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useAccessRequest(id: string) {
  return useQuery({
    queryKey: [...ACCESS_REQUESTS_KEY, 'one', id],
    queryFn: ({ signal }) => apiGet<AccessRequest>(`/api/access-requests/${id}`, { signal }),
  });
}

export const registerAccessRequest = (body: z.input<typeof RegisterAccessRequestBody>) =>
  apiSend<AccessRequest>('POST', '/api/access-requests', body);

export const reviewAccessItem = (
  id: string,
  itemId: string,
  body: z.input<typeof ReviewItemBody>,
) => apiSend<AccessRequest>('PUT', `/api/access-requests/${id}/items/${itemId}`, body);

export const approveAccessRequest = (id: string, version: number) =>
  apiSend<AccessRequest>('POST', `/api/access-requests/${id}/approve`, { version });

export const releaseAccessRequest = (id: string, version: number) =>
  apiSend<AccessRequest>('POST', `/api/access-requests/${id}/release`, { version });

/** The package's address: the request's id only. */
export const packageUrl = (id: string) => `/api/access-requests/${id}/package.pdf`;
