import { useQuery } from '@tanstack/react-query';
import { apiGet } from './api';

/** Product facts from `GET /api/meta`. */
export interface Meta {
  product: 'Tovholder';
  version: string;
  demo: boolean;
  municipality: { code: string; name: string } | null;
}

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: ({ signal }) => apiGet<Meta>('/api/meta', { signal }),
    staleTime: 5 * 60_000,
  });
}
