import {
  keepPreviousData,
  useInfiniteQuery,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { UnitSchema } from '../../../../server/modules/organisation/schema.ts';
import {
  INQUIRY_OUTCOMES,
  SERIOUSNESS_LEVELS,
  SUBJECT_KINDS as SUBJECT_KIND_LIST,
  type AgeGroup,
  type InquiryOutcome as Outcome,
  type Seriousness,
  type SubjectKind,
} from '../../../../shared/values.ts';
import type {
  ChannelSchema,
  ContributionBody,
  CreateInquiryBody,
  DraftSchema,
  InboxQuery,
  InquiryReceiptSchema,
  LegalBasisSchema,
  RelationSchema,
  SaveDraftBody,
  SettingsSchema,
  SourceSchema,
  TriageBody,
  UpdateInquiryBody,
} from '../../../../server/modules/inquiries/schema.ts';
import {
  InboxStatusSchema,
  SeriousnessFilterSchema,
} from '../../../../server/modules/inquiries/schema.ts';
import type {
  DecisionBody,
  ReopenBody,
  ReviewBody,
} from '../../../../server/modules/inquiries/schema-decision.ts';
import type {
  InboxSchema,
  InquiryDetail,
  InquiryHistorySchema,
} from '../../../../server/modules/inquiries/schema-detail.ts';
import {
  CONCERN_SIGNS,
  SIGN_CODES as ALL_SIGN_CODES,
  SIGN_TIERS,
  type ConcernSign,
  type SignTier,
} from '../../../../server/modules/inquiries/signs.ts';
import { ApiError, apiGet, apiSend } from '../../app/api';
import { rememberServerNow } from './format';

/** The inquiries module of `server/modules/inquiries/routes.ts`, as the web app uses it. */
export type Inbox = z.infer<typeof InboxSchema>;
export type InboxItem = Inbox['items'][number];
export type InboxFilter = z.input<typeof InboxQuery>;
export type { InquiryDetail, ConcernSign, SignTier, AgeGroup, Outcome, Seriousness, SubjectKind };
export type InquiryHistory = z.infer<typeof InquiryHistorySchema>;
export type InquiryEvent = NonNullable<InquiryHistory['events']>[number];
export type Receipt = z.infer<typeof InquiryReceiptSchema>;
export type CreateInquiry = z.input<typeof CreateInquiryBody>;
export type UpdateInquiry = z.input<typeof UpdateInquiryBody>;
export type Triage = z.input<typeof TriageBody>;
export type Contribution = z.input<typeof ContributionBody>;
export type Decision = z.input<typeof DecisionBody>;
export type Review = z.input<typeof ReviewBody>;
export type Reopen = z.input<typeof ReopenBody>;
export type Draft = z.infer<typeof DraftSchema>;
export type SaveDraft = z.input<typeof SaveDraftBody>;
export type Settings = z.infer<typeof SettingsSchema>;
export type Source = z.infer<typeof SourceSchema>;
export type Channel = z.infer<typeof ChannelSchema>;
export type Relation = z.infer<typeof RelationSchema>;
export type LegalBasis = z.infer<typeof LegalBasisSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type DecisionView = NonNullable<InquiryDetail['decisions']>[number];

/** The keys of a Record in its own order: a new value on the server fails to compile here. */
function ordered<T extends string>(order: Record<T, number>): T[] {
  return (Object.keys(order) as T[]).sort((a, b) => order[a] - order[b]);
}

export const SOURCES = ordered<Source>({
  relative: 1,
  friend: 2,
  mentor: 3,
  housing_social_worker: 4,
  teacher: 5,
  daycare: 6,
  doctor: 7,
  health_visitor: 8,
  social_worker: 9,
  police: 10,
  other_municipality: 11,
  national_hotline: 12,
  self: 13,
  anonymous: 14,
  other: 15,
});
export const CHANNELS = ordered<Channel>({ phone: 1, email: 2, meeting: 3, hotline: 4, letter: 5 });
/** The shared lists (shared/values.ts), in their order. */
export const SUBJECT_KINDS: readonly SubjectKind[] = SUBJECT_KIND_LIST;
export const SERIOUSNESS: readonly Seriousness[] = SERIOUSNESS_LEVELS;
export const RELATIONS = ordered<Relation>({
  parent: 1,
  child: 2,
  sibling: 3,
  younger_sibling: 4,
  spouse: 5,
  friend: 6,
  other: 7,
});
export const OUTCOMES: readonly Outcome[] = INQUIRY_OUTCOMES;
export const LEGAL_BASES = ordered<LegalBasis>({
  rpl_115: 1,
  rpl_115a: 2,
  value_leap: 3,
  consent: 4,
  serviceloven: 5,
  other: 6,
});
export const INBOX_STATUSES = InboxStatusSchema.options;
export type InboxStatus = (typeof INBOX_STATUSES)[number];
export const SERIOUSNESS_FILTERS = SeriousnessFilterSchema.options;
export type SeriousnessFilter = (typeof SERIOUSNESS_FILTERS)[number];

/** The concern signs and their tiers: the server's own list (signs.ts has no dependencies). */
export const TIERS: readonly SignTier[] = SIGN_TIERS;
export const SIGN_CODES: readonly ConcernSign[] = ALL_SIGN_CODES;
export const signTier = (code: ConcernSign): SignTier => CONCERN_SIGNS[code];
export const signsOfTier = (tier: SignTier) => SIGN_CODES.filter((c) => signTier(c) === tier);

export function isOneOf<T extends string>(values: readonly T[], value: string | null): value is T {
  return value !== null && (values as readonly string[]).includes(value);
}

/** The version the server now holds, from a 409 answer (`error.meta.currentVersion`). */
export function currentVersionOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null;
  const version = error.meta.currentVersion;
  return typeof version === 'number' ? version : null;
}

/** Cached answers about inquiries; dropped at logout like every other personal data. */
export const INQUIRIES_QUERY_KEY = ['inquiries'] as const;

export interface InboxParams {
  status: InboxStatus;
  seriousness: SeriousnessFilter | null;
  source: Source | null;
  channel: Channel | null;
  overdue: boolean;
}

/** The filters as the inbox's query and search send them. */
function inboxFilters(params: InboxParams): Record<string, string> {
  const filters: Record<string, string> = { status: params.status };
  if (params.seriousness) filters.seriousness = params.seriousness;
  if (params.source) filters.source = params.source;
  if (params.channel) filters.channel = params.channel;
  if (params.overdue) filters.overdue = 'true';
  return filters;
}

/**
 * The inbox, sorted by deadline, a page at a time (keyset pagination with `nextCursor`). With a
 * search text (a reference, a name or a CPR number) it is a POST: no name or CPR number in an
 * address or a log.
 */
export function inboxQuery(params: InboxParams, text: string | null) {
  return {
    queryKey: [...INQUIRIES_QUERY_KEY, 'inbox', params, text] as const,
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) => {
      const filters = { ...inboxFilters(params), ...(pageParam && { after: pageParam }) };
      if (text) {
        return apiSend<Inbox>('POST', '/api/inquiries/search', { ...filters, text }, { signal });
      }
      return apiGet<Inbox>(`/api/inquiries?${new URLSearchParams(filters).toString()}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: Inbox) => last.nextCursor,
  };
}

export function useInbox(params: InboxParams, text: string | null = null) {
  return useInfiniteQuery({ ...inboxQuery(params, text), placeholderData: keepPreviousData });
}

const detailKey = (id: string) => [...INQUIRIES_QUERY_KEY, 'detail', id] as const;

/** One inquiry as the caller may see it; 404 (ApiError) without need-to-know. */
export function useInquiry(id: string) {
  return useQuery({
    queryKey: detailKey(id),
    queryFn: async ({ signal }) => {
      const detail = await apiGet<InquiryDetail>(`/api/inquiries/${id}`, { signal });
      // The time left is counted from the server's clock, not the PC's.
      rememberServerNow(detail.now, Date.now());
      return detail;
    },
  });
}

export function useInquiryHistory(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...INQUIRIES_QUERY_KEY, 'history', id],
    queryFn: ({ signal }) => apiGet<InquiryHistory>(`/api/inquiries/${id}/history`, { signal }),
    enabled,
    staleTime: 0,
  });
}

/** After a change: the answer is the new inquiry; the inbox and history are fetched again. */
export function useStoreInquiry() {
  const queryClient = useQueryClient();
  return async (detail: InquiryDetail) => {
    queryClient.setQueryData(detailKey(detail.id), detail);
    await queryClient.invalidateQueries({
      queryKey: INQUIRIES_QUERY_KEY,
      predicate: (query) => query.queryKey[1] !== 'detail',
    });
  };
}

/** The municipality's inquiry settings; shared with the administration's settings page. */
export const SETTINGS_QUERY_KEY = [...INQUIRIES_QUERY_KEY, 'settings'] as const;

export function useSettings(enabled: boolean) {
  return useQuery({
    queryKey: SETTINGS_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<Settings>('/api/municipality-settings', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

export interface Forum {
  id: string;
  name: string;
  memberCount: number;
}

export function useForums(enabled: boolean) {
  return useQuery({
    queryKey: [...INQUIRIES_QUERY_KEY, 'forums'],
    queryFn: ({ signal }) => apiGet<{ items: Forum[] }>('/api/forums', { signal }),
    enabled,
    staleTime: 5 * 60_000,
  });
}

/** The units of the user's municipality (referral after "another kind of concern"). */
export function useUnits(municipality: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['units', municipality ?? ''],
    queryFn: ({ signal }) =>
      apiGet<{ items: Unit[] }>(`/api/municipalities/${municipality ?? ''}/units`, { signal }),
    enabled: enabled && municipality !== undefined,
    staleTime: 5 * 60_000,
  });
}

export const DRAFTS_QUERY_KEY = [...INQUIRIES_QUERY_KEY, 'drafts'] as const;

export function useDrafts(enabled: boolean) {
  return useQuery({
    queryKey: DRAFTS_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<{ items: Draft[] }>('/api/inquiry-drafts', { signal }),
    enabled,
    staleTime: 0,
    refetchOnWindowFocus: false,
  });
}

export const saveDraft = (id: string, body: SaveDraft) =>
  apiSend<Draft>('PUT', `/api/inquiry-drafts/${id}`, body);
export const deleteDraft = (id: string) => apiSend('DELETE', `/api/inquiry-drafts/${id}`);

/** Records an inquiry; a retry with the same key gets the same receipt. */
export const createInquiry = (body: CreateInquiry, idempotencyKey: string) =>
  apiSend<Receipt>('POST', '/api/inquiries', body, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });

export const updateInquiry = (id: string, body: UpdateInquiry) =>
  apiSend<InquiryDetail>('PATCH', `/api/inquiries/${id}`, body);
export const triageInquiry = (id: string, body: Triage) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/triage`, body);
export const addContribution = (id: string, body: Contribution) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/contributions`, body);
export const decideInquiry = (id: string, body: Decision) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/decision`, body);
export const reviewDecision = (id: string, body: Review) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/decision/review`, body);
export const reopenInquiry = (id: string, body: Reopen) =>
  apiSend<InquiryDetail>('POST', `/api/inquiries/${id}/reopen`, body);

export interface DuplicateQuery {
  givenName?: string;
  familyName?: string;
  birthDate?: string;
  cpr?: string;
}

export interface PossibleDuplicate {
  id: string;
  name: string;
  birthDate: string | null;
  matchedOn: 'cpr' | 'name_and_birth_date';
}

export const findPossibleDuplicates = (body: DuplicateQuery, signal: AbortSignal) =>
  apiSend<{ items: PossibleDuplicate[] }>('POST', '/api/persons/possible-duplicates', body, {
    signal,
  });

/** A random key (uuid v4), also where `crypto.randomUUID` is missing (an insecure context). */
export function randomId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
