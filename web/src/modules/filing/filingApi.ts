import { useInfiniteQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CorrectFilingBody,
  Filing,
  FilingList,
  RecordFilingBody,
  WithdrawFilingBody,
} from '../../../../server/modules/filing/schema.ts';
import type { FilingDocumentKind } from '../../../../shared/values.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** Journalisation of `server/modules/filing/routes.ts`, as the web app uses it. */
export type { Filing, FilingList };
export type FilableDocument = FilingList['documents'][number];

/** Under the cases key, so a change anywhere in the case refreshes it (and logout drops it). */
export const filingsKey = (caseId: string) => [...CASES_QUERY_KEY, 'filings', caseId] as const;

/** The case's filings, newest first, a page at a time, with the documents that can be filed. */
export function useFilings(caseId: string) {
  return useInfiniteQuery({
    queryKey: filingsKey(caseId),
    queryFn: ({ pageParam, signal }) =>
      apiGet<FilingList>(withQuery(`/api/cases/${caseId}/filings`, { after: pageParam }), {
        signal,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
}

/**
 * The filing export (JSON with the PDF inside) of a document version; the address holds the case
 * id, the kind and a plan version's id only.
 */
export const filingExportUrl = (caseId: string, kind: FilingDocumentKind, planId?: string | null) =>
  `/api/cases/${caseId}/filing-export?document=${kind}${planId ? `&planId=${planId}` : ''}`;

/** The export's file name: the case reference, the document and a plan's version, never a person's data. */
export const filingExportName = (reference: string, d: Pick<FilableDocument, 'kind' | 'version'>) =>
  `journalisering-${reference}-${d.kind}${d.kind === 'plan' ? `-v${d.version}` : ''}.json`;

export const recordFiling = (caseId: string, body: z.input<typeof RecordFilingBody>) =>
  apiSend<Filing>('POST', `/api/cases/${caseId}/filings`, body);

/** Corrects a filing's journal number or day, with a reason, at the version shown. */
export const correctFiling = (
  caseId: string,
  filingId: string,
  body: z.input<typeof CorrectFilingBody>,
) => apiSend<Filing>('PATCH', `/api/cases/${caseId}/filings/${filingId}`, body);

/** Withdraws a filing recorded in error, with a reason (it stays in the list, marked). */
export const withdrawFiling = (
  caseId: string,
  filingId: string,
  body: z.input<typeof WithdrawFilingBody>,
) => apiSend<Filing>('POST', `/api/cases/${caseId}/filings/${filingId}/withdrawal`, body);
