import { useQuery } from '@tanstack/react-query';
import type {
  NetworkMap,
  NetworkMapComparison,
  NetworkMapInput,
  NetworkMapList,
  NetworkMapResponseBody,
  RelationChange,
  RelationView,
} from '../../../../server/modules/network-maps/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** The network map module of `server/modules/network-maps/routes.ts`, as the web app uses it. */
export type { NetworkMap, NetworkMapComparison, NetworkMapList, RelationChange, RelationView };
export type NetworkMapRequest = NetworkMapInput;
export {
  CLOSENESS_LEVELS,
  NETWORK_MAP_LIMITS,
  NETWORK_SECTORS,
  RELATION_QUALITIES,
  type Closeness,
  type NetworkSector,
  type RelationQuality,
} from '../../../../shared/network-map.ts';
export { NetworkMapBody } from '../../../../server/modules/network-maps/schema.ts';

const base = (caseId: string) => `/api/cases/${caseId}/network-maps`;
export const networkMapsKey = (caseId: string) => [...CASES_QUERY_KEY, 'network-maps', caseId];

/** Every version of the case's map, newest first. */
export function useNetworkMaps(caseId: string) {
  return useQuery({
    queryKey: networkMapsKey(caseId),
    queryFn: ({ signal }) => apiGet<NetworkMapList>(base(caseId), { signal }),
  });
}

/** Two versions compared on the server (both ids, or neither for the latest two). */
export function useNetworkMapComparison(caseId: string, from: string, to: string) {
  return useQuery({
    queryKey: [...networkMapsKey(caseId), 'compare', from, to],
    queryFn: ({ signal }) =>
      apiGet<NetworkMapComparison>(`${base(caseId)}/compare?from=${from}&to=${to}`, { signal }),
    enabled: from !== '' && to !== '' && from !== to,
  });
}

export const startNetworkMap = (
  caseId: string,
  body: { id: string; drawnOn: string; occasion: string | null },
) => apiSend<NetworkMapResponseBody>('POST', base(caseId), body);

export const saveNetworkMap = (caseId: string, mapId: string, body: NetworkMapRequest) =>
  apiSend<NetworkMapResponseBody>('PUT', `${base(caseId)}/${mapId}`, body);

export const finaliseNetworkMap = (caseId: string, mapId: string, version: number) =>
  apiSend<NetworkMapResponseBody>('POST', `${base(caseId)}/${mapId}/finalise`, { version });
