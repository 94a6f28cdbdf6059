import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  HandedInquiryListSchema,
  InquiryPoliceFeedbackListSchema,
  SendPoliceFeedbackBody,
} from '../../../../server/modules/inquiries/schema-police-feedback.ts';
import { apiGet, apiSend } from '../../app/api';

/** The police's feedback (server/modules/inquiries/routes-police-feedback.ts), as the web uses it. */
export type HandedInquiry = z.infer<typeof HandedInquiryListSchema>['items'][number];
export type InquiryFeedbackList = z.infer<typeof InquiryPoliceFeedbackListSchema>;
export type InquiryFeedback = InquiryFeedbackList['items'][number];
export type SendFeedback = z.input<typeof SendPoliceFeedbackBody>;

export const POLICE_FEEDBACK_KEY = 'police-feedback';

/** The inquiries handed to the police of the caller's district (a police contact). */
export function useHandedInquiries() {
  return useQuery({
    queryKey: [POLICE_FEEDBACK_KEY, 'handed'],
    queryFn: ({ signal }) => apiGet<{ items: HandedInquiry[] }>('/api/police-feedback', { signal }),
    select: (data) => data.items,
  });
}

export const sendFeedback = (inquiryId: string, body: SendFeedback) =>
  apiSend<{ id: string }>('POST', `/api/police-feedback/${encodeURIComponent(inquiryId)}`, body);

/** The police's feedback on one inquiry (its page; an audited read). */
export function useInquiryFeedback(inquiryId: string, enabled: boolean) {
  return useQuery({
    queryKey: [POLICE_FEEDBACK_KEY, 'inquiry', inquiryId],
    queryFn: ({ signal }) =>
      apiGet<InquiryFeedbackList>(
        `/api/inquiries/${encodeURIComponent(inquiryId)}/police-feedback`,
        { signal },
      ),
    enabled,
  });
}

export const markFeedbackRead = (inquiryId: string, feedback: InquiryFeedback) =>
  apiSend(
    'POST',
    `/api/inquiries/${encodeURIComponent(inquiryId)}/police-feedback/${encodeURIComponent(feedback.id)}/read`,
    { version: feedback.version },
  );

/** After a change: the lists of feedback, and the tasks it may have ended, fetched again. */
export function useFeedbackChanged() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: [POLICE_FEEDBACK_KEY] });
    await queryClient.invalidateQueries({ queryKey: ['tasks'] });
  };
}
