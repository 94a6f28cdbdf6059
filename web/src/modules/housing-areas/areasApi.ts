import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AggregatesSchema,
  Area,
  AreaListSchema,
  AreaPart,
  AreaPartner,
  AreaTeamForumsSchema,
  CreateAreaBody,
  CreatePartBody,
  GrantPartnerBody,
  PartnerCandidatesSchema,
  UpdateAreaBody,
  UpdatePartBody,
} from '../../../../server/modules/housing-areas/schema.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';

/** The housing areas' requests (server/modules/housing-areas/routes.ts). */
export type { Area, AreaPart, AreaPartner };
export type AreaList = z.infer<typeof AreaListSchema>;
export type AreaListItem = AreaList['items'][number];
export type AreaFigures = z.infer<typeof AggregatesSchema>;

export const AREAS_KEY = 'housing-areas';
const base = '/api/housing-areas';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export interface AreaFilter {
  q: string;
  status: 'active' | 'archived' | 'all';
  cadence: string;
}

export function useAreaList(filter: AreaFilter) {
  return useInfiniteQuery({
    queryKey: [AREAS_KEY, 'list', filter],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) =>
      apiGet<AreaList>(
        withQuery(base, {
          q: filter.q || null,
          status: filter.status,
          cadence: filter.cadence || null,
          after: pageParam,
        }),
        { signal },
      ),
    getNextPageParam: (last) => last.next,
  });
}

export function useArea(id: string) {
  return useQuery({
    queryKey: [AREAS_KEY, 'one', id],
    queryFn: ({ signal }) => apiGet<Area>(one(id), { signal }),
  });
}

export function useAreaFigures() {
  return useQuery({
    queryKey: [AREAS_KEY, 'figures'],
    queryFn: ({ signal }) => apiGet<AreaFigures>(`${base}/aggregates`, { signal }),
  });
}

export function useTeamForums(enabled: boolean) {
  return useQuery({
    queryKey: [AREAS_KEY, 'team-forums'],
    enabled,
    queryFn: ({ signal }) =>
      apiGet<z.infer<typeof AreaTeamForumsSchema>>(`${base}/team-forums`, { signal }),
    select: (data) => data.items,
  });
}

export function usePartnerCandidates(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [AREAS_KEY, 'partner-candidates', id],
    enabled,
    queryFn: ({ signal }) =>
      apiGet<z.infer<typeof PartnerCandidatesSchema>>(`${one(id)}/partner-candidates`, {
        signal,
      }),
    select: (data) => data.items,
  });
}

export const createArea = (body: z.input<typeof CreateAreaBody>) =>
  apiSend<Area>('POST', base, body);

export const updateArea = (id: string, body: z.input<typeof UpdateAreaBody>) =>
  apiSend<Area>('PATCH', one(id), body);

export const archiveArea = (id: string, version: number) =>
  apiSend<Area>('POST', `${one(id)}/archive`, { version });

export const addPart = (id: string, body: z.input<typeof CreatePartBody>) =>
  apiSend<Area>('POST', `${one(id)}/parts`, body);

export const changePart = (id: string, partId: string, body: z.input<typeof UpdatePartBody>) =>
  apiSend<Area>('PATCH', `${one(id)}/parts/${encodeURIComponent(partId)}`, body);

export const archivePart = (id: string, partId: string, version: number) =>
  apiSend<Area>('POST', `${one(id)}/parts/${encodeURIComponent(partId)}/archive`, { version });

export const grantPartner = (id: string, body: z.input<typeof GrantPartnerBody>) =>
  apiSend<Area>('POST', `${one(id)}/partners`, body);

export const changePartner = (
  id: string,
  userId: string,
  body: { version: number; mayContribute: boolean; seesOverview: boolean },
) => apiSend<Area>('PATCH', `${one(id)}/partners/${encodeURIComponent(userId)}`, body);

export const revokePartner = (id: string, userId: string, version: number) =>
  apiSend<Area>('POST', `${one(id)}/partners/${encodeURIComponent(userId)}/revoke`, { version });
