import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PartnerOrganisation,
  PartnerValues,
} from '../../../../server/modules/sharing/schema-partners.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';

/** The partner organisations' calls to the API (server/modules/sharing/routes-partners.ts). */
export type { PartnerOrganisation };
export type PartnerFilter = { kind: string; status: string; q: string };

const KEY = ['partner-organisations'];

export function usePartners(filter: PartnerFilter) {
  return useQuery({
    queryKey: [...KEY, filter],
    queryFn: ({ signal }) =>
      apiGet<{ items: PartnerOrganisation[] }>(withQuery('/api/partner-organisations', filter), {
        signal,
      }),
  });
}

export function useInvalidatePartners() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: KEY });
}

export function createPartner(id: string, values: PartnerValues) {
  return apiSend<PartnerOrganisation>('POST', '/api/partner-organisations', { id, ...values });
}

export function updatePartner(partner: PartnerOrganisation, values: PartnerValues) {
  return apiSend<PartnerOrganisation>('PUT', `/api/partner-organisations/${partner.id}`, {
    ...values,
    version: partner.version,
  });
}

export function setPartnerActive(partner: PartnerOrganisation, active: boolean) {
  const path = active ? 'activate' : 'deactivate';
  return apiSend<PartnerOrganisation>('POST', `/api/partner-organisations/${partner.id}/${path}`, {
    version: partner.version,
  });
}
