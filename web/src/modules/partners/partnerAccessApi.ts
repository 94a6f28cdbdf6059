import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ChangePartnerAccessBody,
  InvitePartnerBody,
  PartnerAccess,
  PartnerCase,
  PartnerCaseList,
  PartnerInviteOptions,
} from '../../../../server/modules/partners/schema.ts';
import type { LegalBasis } from '../../../../server/modules/sharing/schema.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** Partner access of `server/modules/partners/routes.ts`, as the web app uses it. */
export type { PartnerAccess, PartnerCase, PartnerCaseList, PartnerInviteOptions, LegalBasis };

/** Under the cases key, so a change anywhere in the case refreshes it (and logout drops it). */
export const partnerAccessKey = (caseId: string) =>
  [...CASES_QUERY_KEY, 'partner-access', caseId] as const;

export function usePartnerAccess(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: partnerAccessKey(caseId),
    queryFn: ({ signal }) =>
      apiGet<{ items: PartnerAccess[] }>(`/api/cases/${caseId}/partner-access`, { signal }),
    enabled,
  });
}

export function useInviteOptions(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: [...partnerAccessKey(caseId), 'options'],
    queryFn: ({ signal }) =>
      apiGet<PartnerInviteOptions>(`/api/cases/${caseId}/partner-access/options`, { signal }),
    enabled,
  });
}

/** The bases that fit standing access for the organisation's kind (the sharing fit rule). */
export function useStandingBases(organisationKind: string | null) {
  return useQuery({
    queryKey: ['sharing', 'bases', 'standing_access', organisationKind],
    queryFn: ({ signal }) =>
      apiGet<{ items: LegalBasis[] }>(
        withQuery('/api/sharing/legal-bases', { organisationKind, use: 'standing_access' }),
        { signal },
      ),
    enabled: organisationKind !== null,
  });
}

export const invitePartner = (caseId: string, body: z.input<typeof InvitePartnerBody>) =>
  apiSend<PartnerAccess>('POST', `/api/cases/${caseId}/partner-access`, body);

export const changePartnerAccess = (
  caseId: string,
  id: string,
  body: z.input<typeof ChangePartnerAccessBody>,
) => apiSend<PartnerAccess>('PUT', `/api/cases/${caseId}/partner-access/${id}`, body);

export const endPartnerAccess = (
  caseId: string,
  id: string,
  body: { version: number; reason: string },
) => apiSend<PartnerAccess>('POST', `/api/cases/${caseId}/partner-access/${id}/end`, body);

// ── The partner's own view ──────────────────────────────────────────────────────────────

export const PARTNER_CASES_KEY = ['partner', 'cases'] as const;

export function usePartnerCases() {
  return useQuery({
    queryKey: PARTNER_CASES_KEY,
    queryFn: ({ signal }) => apiGet<PartnerCaseList>('/api/partner/cases', { signal }),
  });
}

export function usePartnerCase(caseId: string) {
  return useQuery({
    queryKey: [...PARTNER_CASES_KEY, caseId],
    queryFn: ({ signal }) => apiGet<PartnerCase>(`/api/partner/cases/${caseId}`, { signal }),
  });
}

export const addContribution = (caseId: string, text: string) =>
  apiSend<{ id: string }>('POST', `/api/partner/cases/${caseId}/contributions`, { text });

export const activatePartner = (token: string, password: string) =>
  apiSend<{ username: string }>('POST', '/api/partner-activation', { token, password });
