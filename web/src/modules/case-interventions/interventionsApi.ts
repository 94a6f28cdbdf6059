import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AnswerOfferBody,
  AnsweredSchema,
  CaseInterventions,
  ConsentBody,
  ConsentChangedSchema,
  ConsentScanBody,
  ConsentSignedBody,
  CreateInterventionBody,
  CreatedSchema,
  MakeOfferBody,
  OfferBody,
  SessionBody,
  UpdateInterventionBody,
  UpdatedSchema,
  WithdrawConsentBody,
  WithdrawnSchema,
} from '../../../../server/modules/case-interventions/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** Interventions, consents and offers of a case (server/modules/case-interventions/routes.ts). */
export type { CaseInterventions };
export type CaseIntervention = CaseInterventions['interventions'][number];
export type Consent = CaseInterventions['consents'][number];
export type Offer = CaseInterventions['offers'][number];
export type CatalogueEntry = CaseInterventions['catalogue'][number];
export type InterventionStatus = CaseIntervention['status'];
export type InterventionForm = CaseIntervention['form'];
export type OfferKind = Offer['kind'];

type Created = z.infer<typeof CreatedSchema>;
type Updated = z.infer<typeof UpdatedSchema>;

/** Under the cases key, so every change to the case refreshes it (and logout drops it). */
export const interventionsKey = (caseId: string) =>
  [...CASES_QUERY_KEY, 'interventions', caseId] as const;

export function useCaseInterventions(caseId: string) {
  return useQuery({
    queryKey: interventionsKey(caseId),
    queryFn: ({ signal }) =>
      apiGet<CaseInterventions>(`/api/cases/${caseId}/interventions`, { signal }),
  });
}

const base = (caseId: string) => `/api/cases/${caseId}`;

export const createIntervention = (caseId: string, body: z.input<typeof CreateInterventionBody>) =>
  apiSend<Created>('POST', `${base(caseId)}/interventions`, body);

export const updateIntervention = (
  caseId: string,
  interventionId: string,
  body: z.input<typeof UpdateInterventionBody>,
) => apiSend<Updated>('PATCH', `${base(caseId)}/interventions/${interventionId}`, body);

export const addSession = (
  caseId: string,
  interventionId: string,
  body: z.input<typeof SessionBody>,
) =>
  apiSend<{ id: string }>('POST', `${base(caseId)}/interventions/${interventionId}/sessions`, body);

export const recordConsent = (caseId: string, body: z.input<typeof ConsentBody>) =>
  apiSend<Created>('POST', `${base(caseId)}/consents`, body);

export const withdrawConsent = (
  caseId: string,
  consentId: string,
  body: z.input<typeof WithdrawConsentBody>,
) =>
  apiSend<z.infer<typeof WithdrawnSchema>>(
    'POST',
    `${base(caseId)}/consents/${consentId}/withdraw`,
    body,
  );

export const recordSigned = (
  caseId: string,
  consentId: string,
  body: z.input<typeof ConsentSignedBody>,
) =>
  apiSend<z.infer<typeof ConsentChangedSchema>>(
    'POST',
    `${base(caseId)}/consents/${consentId}/signed`,
    body,
  );

export const uploadScan = (
  caseId: string,
  consentId: string,
  body: z.input<typeof ConsentScanBody>,
) =>
  apiSend<z.infer<typeof ConsentChangedSchema>>(
    'PUT',
    `${base(caseId)}/consents/${consentId}/scan`,
    body,
  );

/** The consent's printed form and its scanned copy (audited reads, downloaded by the browser). */
export const consentFormUrl = (caseId: string, consentId: string) =>
  `${base(caseId)}/consents/${consentId}/form.pdf`;
export const consentScanUrl = (caseId: string, consentId: string) =>
  `${base(caseId)}/consents/${consentId}/scan`;

export const makeFirstOffer = (caseId: string, body: z.input<typeof OfferBody>) =>
  apiSend<Created>('POST', `${base(caseId)}/offers`, body);

export const answerOffer = (
  caseId: string,
  offerId: string,
  body: z.input<typeof AnswerOfferBody>,
) =>
  apiSend<z.infer<typeof AnsweredSchema>>('POST', `${base(caseId)}/offers/${offerId}/answer`, body);

export const makeRenewal = (caseId: string, offerId: string, body: z.input<typeof MakeOfferBody>) =>
  apiSend<Updated>('POST', `${base(caseId)}/offers/${offerId}/make`, body);
