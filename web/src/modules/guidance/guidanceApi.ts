import { useQuery } from '@tanstack/react-query';
import type { GuidanceList } from '../../../../server/modules/guidance/schema.ts';
import { apiGet, apiSend } from '../../app/api';

/** The guidance module of `server/modules/guidance/routes.ts`, as the web app uses it. */
export type { GuidanceList };
export { GUIDANCE_KEYS, GUIDANCE_TEXT_MAX, type GuidanceKey } from '../../../../shared/guidance.ts';

export const GUIDANCE_QUERY_KEY = ['guidance'] as const;

/** The municipality's own texts (a key not listed shows its default); rarely changes. */
export function useGuidanceOverrides() {
  return useQuery({
    queryKey: GUIDANCE_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<GuidanceList>('/api/guidance', { signal }),
    staleTime: 5 * 60 * 1000,
  });
}

export const replaceGuidance = (
  key: string,
  body: { textDa: string; textEn: string | null; version: number },
) => apiSend<GuidanceList>('PUT', `/api/admin/guidance/${key}`, body);

export const resetGuidance = (key: string, version: number) =>
  apiSend<GuidanceList>('POST', `/api/admin/guidance/${key}/reset`, { version });
