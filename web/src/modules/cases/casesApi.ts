import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type {
  BreakGlassResponse,
  CaseDetail,
  CaseEventKindSchema,
  Chronology,
  CaseListSchema,
  ClassificationBody,
  PersonRoleSchema,
} from '../../../../server/modules/cases/schema.ts';
import type { CaseStatus } from '../../../../shared/values.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';
import { inOrder, isValueOf } from '../../app/valueOrder';
import { CLASSIFICATION_FIELDS } from './classification';

/** The cases module of `server/modules/cases/routes.ts`, as the web app uses it. */
export type CaseList = z.infer<typeof CaseListSchema>;
export type CaseListItem = CaseList['items'][number];
export type { CaseDetail, CaseStatus };
export type {
  AgeGroup,
  AuthorityArea,
  CaseRole,
  CaseScope,
  ConcernLevel,
  Environment,
  ExtremismForm,
  SubjectKind,
} from '../../../../shared/values.ts';
export type PersonRole = z.infer<typeof PersonRoleSchema>;
export type BreakGlassResult = z.infer<typeof BreakGlassResponse>;
export type { Chronology };
export type CaseEvent = Chronology['items'][number];
export type CaseEventKind = z.infer<typeof CaseEventKindSchema>;

/** Every status, in the order a case moves through them (a Record, so a new one fails to compile). */
const STATUS_ORDER: Record<CaseStatus, number> = {
  active: 1,
  on_hold: 2,
  under_review: 3,
  closed: 4,
};
export const CASE_STATUSES = inOrder(STATUS_ORDER);

export function isCaseStatus(value: string | null): value is CaseStatus {
  return isValueOf(STATUS_ORDER, value);
}

/** Cached answers about cases; dropped at logout like every other personal data. */
export const CASES_QUERY_KEY = ['cases'] as const;

/** After a change to a case: fetch the case (header, chronology, tasks) and its tabs again. */
export function useRefreshCase() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] }),
    [queryClient],
  );
}

/** One case as the caller may see it; 404 (ApiError) when they are not a member. */
export function useCase(id: string) {
  return useQuery({
    queryKey: [...CASES_QUERY_KEY, 'detail', id],
    queryFn: ({ signal }) => apiGet<CaseDetail>(`/api/cases/${id}`, { signal }),
  });
}

export interface BreakGlassRequest {
  reference: string;
  reason: string;
  code: string;
}

/** Break-the-glass: written reason and a fresh code; the server logs it and tells the others. */
export const breakGlass = (body: BreakGlassRequest) =>
  apiSend<BreakGlassResult>('POST', '/api/break-glass', body);

/** The compartment fields of the case detail (the concern itself and its classification). */
const COMPARTMENT_FIELDS = [...CLASSIFICATION_FIELDS, 'concernSummary'] as const;
export type CompartmentField = (typeof COMPARTMENT_FIELDS)[number];

/**
 * The compartment fields the server sent, or null when it sent none (the caller has no access to
 * them). Only their presence decides what the page may name.
 */
export function compartmentOf(detail: CaseDetail) {
  const present = COMPARTMENT_FIELDS.some((field) => field in detail);
  if (!present) return null;
  return {
    extremismForm: detail.extremismForm,
    extremismFormOther: detail.extremismFormOther,
    concernSummary: detail.concernSummary,
    ageGroup: detail.ageGroup,
    authorityArea: detail.authorityArea,
    primaryConcern: detail.primaryConcern,
    subjectKind: detail.subjectKind,
    environment: detail.environment,
    has: (field: CompartmentField) => field in detail,
  };
}

/** Every kind of chronology event, in the order the filter lists them. */
const EVENT_KIND_ORDER: Record<CaseEventKind, number> = {
  note: 1,
  status_changed: 2,
  classification_changed: 3,
  assessment_started: 4,
  assessment_updated: 5,
  assessment_finalised: 6,
  plan_drafted: 7,
  plan_submitted: 8,
  plan_approved: 9,
  plan_rejected: 10,
  intervention_added: 11,
  intervention_changed: 12,
  intervention_session: 13,
  consent_recorded: 14,
  consent_withdrawn: 15,
  offer_made: 16,
  offer_answered: 17,
  follow_up_scheduled: 18,
  follow_up_recorded: 19,
  closure_proposed: 20,
  closure_approved: 21,
  closure_rejected: 22,
  review_recorded: 23,
  reopened: 24,
  member_added: 25,
  member_removed: 26,
  opened: 27,
  person_added: 28,
  person_removed: 29,
  custody_changed: 30,
  document_filed: 30,
  filing_corrected: 31,
  filing_withdrawn: 32,
  disclosure_recorded: 33,
  citizen_informed: 34,
  notice_exempted: 35,
  access_request_released: 36,
  partner_invited: 37,
  partner_access_changed: 38,
  partner_access_ended: 39,
  partner_access_expired: 40,
  partner_contribution: 41,
  consent_changed: 42,
  transfer_proposed: 43,
  transfer_accepted: 44,
  transfer_declined: 45,
  transfer_received: 46,
  contact_attempt_recorded: 47,
  citizen_meeting_prepared: 48,
  citizen_meeting_held: 49,
  citizen_meeting_reflected: 50,
  meeting_decision_recorded: 51,
  meeting_task_created: 52,
  network_map_created: 53,
  network_map_finalised: 54,
};
export const CASE_EVENT_KINDS = inOrder(EVENT_KIND_ORDER);

export function isCaseEventKind(value: string | null): value is CaseEventKind {
  return isValueOf(EVENT_KIND_ORDER, value);
}

export interface ChronologyFilter {
  kind: CaseEventKind | null;
  authorId: string | null;
}

/** The case's chronology, newest first, a page at a time. */
export function useChronology(caseId: string, filter: ChronologyFilter) {
  return useInfiniteQuery({
    queryKey: [...CASES_QUERY_KEY, 'chronology', caseId, filter.kind ?? '', filter.authorId ?? ''],
    queryFn: ({ pageParam, signal }) =>
      apiGet<Chronology>(
        withQuery(`/api/cases/${caseId}/chronology`, {
          kind: filter.kind,
          authorId: filter.authorId,
          after: pageParam,
        }),
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export interface NoteRequest {
  text: string;
  compartment: boolean;
}

export const addNote = (caseId: string, body: NoteRequest) =>
  apiSend<{ id: string }>('POST', `/api/cases/${caseId}/notes`, body);

export type StatusRequest =
  | { version: number; status: 'on_hold'; reason: string; until?: string }
  | {
      version: number;
      status: 'active';
      reason: string;
      interventions: { id: string; action: 'resume' | 'keep' }[];
    };

export const setCaseStatus = (caseId: string, body: StatusRequest) =>
  apiSend<{ version: number }>('POST', `/api/cases/${caseId}/status`, body);

/** A change of the classification (the server's body); a field left out stays as it is. */
export type ClassificationRequest = z.input<typeof ClassificationBody>;

export const updateClassification = (caseId: string, body: ClassificationRequest) =>
  apiSend<{ version: number }>('PATCH', `/api/cases/${caseId}/classification`, body);

/** The case summary PDF (for handover and journalisation); the server audits each download. */
export const caseSummaryUrl = (caseId: string) => `/api/cases/${caseId}/summary.pdf`;
