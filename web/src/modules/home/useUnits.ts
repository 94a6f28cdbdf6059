import { useQuery } from '@tanstack/react-query';
import type { Unit } from '../../../../server/modules/organisation/schema.ts';
import { apiGet } from '../../app/api';

export type { Unit };

/** A municipality's organisational units (`GET /api/municipalities/{code}/units`). */
export function useUnits(municipalityCode: string) {
  return useQuery({
    queryKey: ['municipalities', municipalityCode, 'units'],
    queryFn: ({ signal }) =>
      apiGet<{ items: Unit[] }>(
        `/api/municipalities/${encodeURIComponent(municipalityCode)}/units`,
        { signal },
      ),
    select: (data) => data.items,
  });
}
