import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AreaInterventionDetailSchema,
  AreaInterventionListSchema,
  IdentificationReceiptSchema,
} from '../../../../server/modules/area-work/schema.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';

/** The area work of `server/modules/area-work/routes.ts`, as the web app uses it. */
export {
  ChangeStatusBody,
  CreateAreaInterventionBody,
  FollowUpBody,
  IdentificationBody,
} from '../../../../server/modules/area-work/schema.ts';
export {
  AREA_INTERVENTION_KINDS,
  AREA_INTERVENTION_NEXT,
  AREA_INTERVENTION_STATUSES,
  IDENTIFICATION_RELATIONS,
  IDENTIFICATION_SIGNS,
  type AreaInterventionKind,
  type AreaInterventionStatus,
  type IdentificationTool,
} from '../../../../shared/housing-areas.ts';

export type IdentificationReceipt = z.infer<typeof IdentificationReceiptSchema>;
export type AreaInterventionList = z.infer<typeof AreaInterventionListSchema>;
export type AreaInterventionDetail = z.infer<typeof AreaInterventionDetailSchema>;
export type AreaIntervention = AreaInterventionList['items'][number];

const base = (areaId: string) => `/api/housing-areas/${areaId}`;
export const interventionsKey = (areaId: string) => ['area-interventions', areaId];

export const sendIdentification = (areaId: string, body: unknown) =>
  apiSend<IdentificationReceipt>('POST', `${base(areaId)}/identifications`, body);

/** The area's interventions, newest first, a page at a time ("Vis flere"). */
export function useAreaInterventions(areaId: string, filter: { kind: string; status: string }) {
  return useInfiniteQuery({
    queryKey: [...interventionsKey(areaId), filter.kind, filter.status],
    queryFn: ({ pageParam, signal }) =>
      apiGet<AreaInterventionList>(
        withQuery(`${base(areaId)}/interventions`, {
          kind: filter.kind || undefined,
          status: filter.status || undefined,
          after: pageParam ?? undefined,
        }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

export function useAreaIntervention(areaId: string, id: string) {
  return useQuery({
    queryKey: [...interventionsKey(areaId), 'detail', id],
    queryFn: ({ signal }) =>
      apiGet<AreaInterventionDetail>(`${base(areaId)}/interventions/${id}`, { signal }),
  });
}

export const createIntervention = (areaId: string, body: unknown) =>
  apiSend<AreaInterventionDetail>('POST', `${base(areaId)}/interventions`, body);

export const changeInterventionStatus = (areaId: string, id: string, body: unknown) =>
  apiSend<AreaInterventionDetail>('POST', `${base(areaId)}/interventions/${id}/status`, body);

export const addInterventionFollowUp = (areaId: string, id: string, body: unknown) =>
  apiSend<AreaInterventionDetail>('POST', `${base(areaId)}/interventions/${id}/follow-ups`, body);
