import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CreateInterventionTypeBody,
  InterventionType,
  InterventionTypeQuery,
  LoadStandardResult,
  UpdateInterventionTypeBody,
} from '../../../../server/modules/interventions/schema.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';

/** The interventions catalogue of `server/modules/interventions/routes.ts`, as the web app uses it. */
export type { InterventionType };
export {
  INTERVENTION_AGE_GROUPS as AGE_GROUPS,
  INTERVENTION_LEVELS as LEVELS,
} from '../../../../server/modules/interventions/schema.ts';
export type Level = InterventionType['level'];
export type AgeGroup = InterventionType['ageGroup'];
export type CatalogueFilter = z.input<typeof InterventionTypeQuery>;
export type CreateTypeBody = z.input<typeof CreateInterventionTypeBody>;
export type UpdateTypeBody = z.input<typeof UpdateInterventionTypeBody>;

export const CATALOGUE_KEY = ['intervention-types'] as const;

/** The catalogue's offers that match the filter (a filter left out matches all). */
export function useCatalogue(filter: CatalogueFilter) {
  return useQuery({
    queryKey: [...CATALOGUE_KEY, filter],
    queryFn: ({ signal }) =>
      apiGet<{ items: InterventionType[] }>(withQuery('/api/intervention-types', filter), {
        signal,
      }),
    select: (data) => data.items,
  });
}

/** The municipality's units, to choose the one responsible for an offer. */
export function useUnits(municipalityCode: string | undefined) {
  return useQuery({
    queryKey: ['municipality-units', municipalityCode ?? ''],
    enabled: Boolean(municipalityCode),
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: string; name: string }[] }>(
        `/api/municipalities/${encodeURIComponent(municipalityCode ?? '')}/units`,
        { signal },
      ),
    select: (data) => data.items,
  });
}

export const createType = (body: CreateTypeBody) =>
  apiSend<InterventionType>('POST', '/api/intervention-types', body);

export const updateType = (id: string, body: UpdateTypeBody) =>
  apiSend<InterventionType>('PATCH', `/api/intervention-types/${encodeURIComponent(id)}`, body);

/** Loads the standard catalogue into an empty one. */
export const loadStandard = () =>
  apiSend<LoadStandardResult>('POST', '/api/intervention-types/load-standard', {});
