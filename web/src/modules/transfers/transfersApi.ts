import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  DeclineTransferBody,
  ForwardInquiryBody,
  InquiryForwarding,
  ProposeTransferBody,
  Transfer,
  TransferList,
} from '../../../../server/modules/transfers/schema.ts';
import type { LegalBasis } from '../../../../server/modules/sharing/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** Across municipalities, of `server/modules/transfers/routes.ts`, as the web app uses it. */
export type { InquiryForwarding, Transfer, TransferList };

/** Under the cases key, so a change anywhere refreshes it (and logout drops it). */
export const TRANSFERS_KEY = [...CASES_QUERY_KEY, 'transfers'] as const;

export function useForwarding(inquiryId: string) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'forwarding', inquiryId],
    queryFn: ({ signal }) =>
      apiGet<InquiryForwarding>(`/api/inquiries/${inquiryId}/forwarding`, { signal }),
  });
}

export const forwardInquiry = (inquiryId: string, body: z.input<typeof ForwardInquiryBody>) =>
  apiSend<InquiryForwarding>('POST', `/api/inquiries/${inquiryId}/forward`, body);

/** The municipalities the product knows (public reference data), for the pickers. */
export function useMunicipalities() {
  return useQuery({
    queryKey: ['municipalities', 'all'],
    queryFn: ({ signal }) =>
      apiGet<{ items: { code: string; name: string }[] }>('/api/municipalities?limit=200', {
        signal,
      }),
    staleTime: Infinity,
  });
}

export function useCaseTransfers(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'case', caseId],
    queryFn: ({ signal }) => apiGet<TransferList>(`/api/cases/${caseId}/transfers`, { signal }),
    enabled,
  });
}

export const proposeTransfer = (caseId: string, body: z.input<typeof ProposeTransferBody>) =>
  apiSend<Transfer>('POST', `/api/cases/${caseId}/transfers`, body);

/** The bases that fit one disclosure to another municipality (the sharing module's fit rule). */
export function useTransferBases(enabled: boolean) {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'bases'],
    queryFn: ({ signal }) =>
      apiGet<{ items: LegalBasis[] }>(
        '/api/sharing/legal-bases?organisationKind=other_municipality&use=single_disclosure',
        { signal },
      ),
    enabled,
  });
}

export function useIncomingTransfers() {
  return useQuery({
    queryKey: [...TRANSFERS_KEY, 'incoming'],
    queryFn: ({ signal }) => apiGet<TransferList>('/api/transfers/incoming', { signal }),
  });
}

export const acceptTransfer = (id: string, version: number) =>
  apiSend<Transfer>('POST', `/api/transfers/${id}/accept`, { version });

export const declineTransfer = (id: string, body: z.input<typeof DeclineTransferBody>) =>
  apiSend<Transfer>('POST', `/api/transfers/${id}/decline`, body);
