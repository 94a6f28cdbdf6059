import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  MinutesActionInput,
  MinutesItem,
  MinutesTask,
  MinutesView,
} from '../../../../server/modules/meetings/minutes-schema.ts';
import { apiGet, apiSend } from '../../app/api';

export type { MinutesActionInput, MinutesItem, MinutesTask, MinutesView };

/** The minutes of a meeting (issue 14 part 4): reading, writing, approving, correcting. */
export const MINUTES_KEY = 'minutes';

type Written = { id: string; version: number };
const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes`;

export function useMinutes(meetingId: string, versionNo: number | undefined) {
  return useQuery({
    queryKey: [MINUTES_KEY, meetingId, versionNo ?? 'latest'],
    queryFn: ({ signal }) =>
      apiGet<MinutesView>(`${base(meetingId)}${versionNo ? `?versionNo=${versionNo}` : ''}`, {
        signal,
      }),
  });
}

/** After a change: the minutes fetched again (every version shown of this meeting). */
export function useMinutesChanged(meetingId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: [MINUTES_KEY, meetingId] });
}

export const minutesPdfUrl = (meetingId: string, versionNo: number | undefined) =>
  `/api/meetings/${encodeURIComponent(meetingId)}/minutes.pdf${versionNo ? `?versionNo=${versionNo}` : ''}`;

export const startMinutes = (meetingId: string) =>
  apiSend<Written>('POST', base(meetingId), { id: crypto.randomUUID() });

export const saveItem = (
  meetingId: string,
  itemId: string,
  body: { version: number; assessed: string | null; decision: string | null },
) => apiSend<Written>('PUT', `${base(meetingId)}/items/${encodeURIComponent(itemId)}`, body);

export const recordDecision = (
  meetingId: string,
  itemId: string,
  body: {
    version: number;
    action: MinutesActionInput;
    inquiryVersion?: number;
  },
) =>
  apiSend<Written>('POST', `${base(meetingId)}/items/${encodeURIComponent(itemId)}/decision`, body);

export const saveAttendance = (
  meetingId: string,
  body: {
    version: number;
    participants: { userId: string; attended: boolean | null }[];
    guests: { id: string; attended: boolean | null }[];
  },
) => apiSend<Written>('PUT', `${base(meetingId)}/attendance`, body);

export const addTask = (
  meetingId: string,
  body: {
    version: number;
    agendaItemId: string | null;
    description: string;
    responsibleUserId: string;
    dueOn: string;
  },
) => apiSend<Written>('POST', `${base(meetingId)}/tasks`, { id: crypto.randomUUID(), ...body });

export const completeTask = (meetingId: string, taskId: string, version: number) =>
  apiSend<Written>('POST', `${base(meetingId)}/tasks/${encodeURIComponent(taskId)}/done`, {
    version,
  });

export const approveMinutes = (
  meetingId: string,
  body: { version: number; noPersonalDataConfirmed: boolean },
) => apiSend<Written>('POST', `${base(meetingId)}/approve`, body);

export const newMinutesVersion = (meetingId: string, body: { version: number; reason: string }) =>
  apiSend<Written>('POST', `${base(meetingId)}/versions`, { id: crypto.randomUUID(), ...body });
