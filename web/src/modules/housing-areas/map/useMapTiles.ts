import { useQuery } from '@tanstack/react-query';
import type { MapTiles } from '../../../../../server/modules/map-tiles/schema.ts';
import { apiGet } from '../../../app/api';

/** The map's background from `GET /api/map-tiles`: configuration, fetched once per session. */
export function useMapTiles() {
  return useQuery({
    queryKey: ['map-tiles'],
    queryFn: ({ signal }) => apiGet<MapTiles>('/api/map-tiles', { signal }),
    staleTime: Infinity,
    retry: false,
  });
}
