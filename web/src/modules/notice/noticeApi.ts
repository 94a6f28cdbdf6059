import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Notice,
  NoticeList,
  RecordNoticeBody,
} from '../../../../server/modules/notice/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** The citizen told, of `server/modules/notice/routes.ts`, as the web app uses it. */
export type { Notice, NoticeList };

/** Under the cases key, so a change anywhere in the case refreshes it (and logout drops it). */
export const noticesKey = (caseId: string) => [...CASES_QUERY_KEY, 'notices', caseId] as const;

export function useNotices(caseId: string, enabled: boolean) {
  return useQuery({
    queryKey: noticesKey(caseId),
    queryFn: ({ signal }) => apiGet<NoticeList>(`/api/cases/${caseId}/notices`, { signal }),
    enabled,
  });
}

export const recordNotice = (caseId: string, body: z.input<typeof RecordNoticeBody>) =>
  apiSend<Notice>('POST', `/api/cases/${caseId}/notices`, body);

/** The letter's address: the case id and the recipient's id only, never a name. */
export const noticeLetterUrl = (caseId: string, personId: string) =>
  `/api/cases/${caseId}/notice-letter.pdf?personId=${personId}`;
