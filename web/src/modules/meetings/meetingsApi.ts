import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AddExternalGuest,
  CreateMeeting,
  CreateMeetingResultSchema,
  MeetingDetail,
  MeetingListSchema,
  MeetingSummary,
  UpdateMeeting,
} from '../../../../server/modules/meetings/schema.ts';
import type { ForumDetail } from '../../../../server/modules/forums/schema.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';

/** The meetings of `server/modules/meetings/routes.ts`, as the web app uses them. */
export type { CreateMeeting, MeetingDetail, MeetingSummary, UpdateMeeting };
export type MeetingList = z.infer<typeof MeetingListSchema>;
export type CreatedMeeting = z.infer<typeof CreateMeetingResultSchema>;

export const MEETINGS_KEY = 'meetings';

export interface MeetingFilter {
  forumId?: string | null;
  status?: string | null;
  from?: string | null;
  to?: string | null;
  limit?: number;
}

export function useMeetingList(filter: MeetingFilter) {
  return useQuery({
    queryKey: [MEETINGS_KEY, 'list', filter],
    queryFn: ({ signal }) =>
      apiGet<MeetingList>(
        withQuery('/api/meetings', {
          forumId: filter.forumId ?? null,
          status: filter.status ?? null,
          from: filter.from ?? null,
          to: filter.to ?? null,
          limit: filter.limit ? String(filter.limit) : null,
        }),
        { signal },
      ),
  });
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: [MEETINGS_KEY, 'one', id],
    queryFn: ({ signal }) =>
      apiGet<MeetingDetail>(`/api/meetings/${encodeURIComponent(id)}`, { signal }),
  });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The members of a forum (chair and note-taker are chosen among them); none before a forum is. */
export function useForumMembers(forumId: string) {
  return useQuery({
    queryKey: ['forums', 'one', forumId],
    queryFn: ({ signal }) =>
      apiGet<ForumDetail>(`/api/forums/${encodeURIComponent(forumId)}`, { signal }),
    enabled: UUID.test(forumId),
    select: (forum) => forum.members,
  });
}

const one = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

export const createMeeting = (body: CreateMeeting) =>
  apiSend<CreatedMeeting>('POST', '/api/meetings', body);

export const updateMeeting = (id: string, body: UpdateMeeting) =>
  apiSend<MeetingDetail>('PATCH', one(id), body);

export const cancelMeeting = (id: string, body: { version: number; reason: string }) =>
  apiSend<MeetingDetail>('POST', `${one(id)}/cancel`, body);

export const addParticipant = (
  id: string,
  body: { userId: string; agendaItemId?: string | null },
) => apiSend<MeetingDetail>('POST', `${one(id)}/participants`, body);

export const addExternalGuest = (id: string, body: AddExternalGuest) =>
  apiSend<MeetingDetail>('POST', `${one(id)}/external-guests`, body);

export const removeParticipant = (id: string, userId: string) =>
  apiSend<MeetingDetail>('DELETE', `${one(id)}/participants/${encodeURIComponent(userId)}`);

export const removeExternalGuest = (id: string, guestId: string) =>
  apiSend<MeetingDetail>('DELETE', `${one(id)}/external-guests/${encodeURIComponent(guestId)}`);

/** After a change: the meeting as the server answered it, and every list fetched again. */
export function useMeetingChanged() {
  const queryClient = useQueryClient();
  return async (meeting: MeetingDetail) => {
    queryClient.setQueryData([MEETINGS_KEY, 'one', meeting.id], meeting);
    await queryClient.invalidateQueries({
      predicate: (query) => query.queryKey[0] === MEETINGS_KEY && query.queryKey[1] === 'list',
    });
  };
}
