import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Agenda,
  AgendaItem,
  Numbers,
  Proposal,
  ProposalList,
} from '../../../../server/modules/meetings/agenda-schema.ts';
import type { AgendaTemplate } from '../../../../shared/agenda.ts';
import { apiGet, apiSend } from '../../app/api';

export type { Agenda, AgendaItem, Numbers, Proposal, ProposalList };

export const AGENDA_KEY = 'agenda';

const base = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agenda`;

export function useAgenda(meetingId: string) {
  return useQuery({
    queryKey: [AGENDA_KEY, meetingId, 'items'],
    queryFn: ({ signal }) => apiGet<Agenda>(base(meetingId), { signal }),
  });
}

/** The builder's proposals: only for those who may change the agenda. */
export function useProposals(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: [AGENDA_KEY, meetingId, 'proposals'],
    queryFn: ({ signal }) => apiGet<ProposalList>(`${base(meetingId)}/proposals`, { signal }),
    enabled,
  });
}

export function useNumbers(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: [AGENDA_KEY, meetingId, 'numbers'],
    queryFn: ({ signal }) => apiGet<Numbers>(`${base(meetingId)}/numbers`, { signal }),
    enabled,
  });
}

export interface NewItem {
  kind: AgendaItem['kind'];
  caseId?: string;
  inquiryId?: string;
  title?: string;
  description?: string;
  dueOn?: string;
  proposed?: boolean;
}

/** Adds an item; the id is made once per attempt, so a repeated send makes one item. */
export const addItem = (
  meetingId: string,
  meetingVersion: number,
  item: NewItem & { id: string },
) => apiSend<Agenda>('POST', `${base(meetingId)}/items`, { ...item, meetingVersion });

export const moveItem = (
  meetingId: string,
  itemId: string,
  meetingVersion: number,
  position: number,
) =>
  apiSend<Agenda>('PATCH', `${base(meetingId)}/items/${encodeURIComponent(itemId)}`, {
    meetingVersion,
    position,
  });

export const removeItem = (meetingId: string, itemId: string, meetingVersion: number) =>
  apiSend<Agenda>(
    'DELETE',
    `${base(meetingId)}/items/${encodeURIComponent(itemId)}?meetingVersion=${meetingVersion}`,
  );

export const applyTemplate = (
  meetingId: string,
  meetingVersion: number,
  template: AgendaTemplate,
) => apiSend<Agenda>('POST', `${base(meetingId)}/template`, { meetingVersion, template });

/** After a change: the agenda as the server answered it, and the proposals fetched again. */
export function useAgendaChanged(meetingId: string) {
  const queryClient = useQueryClient();
  return async (agenda: Agenda) => {
    queryClient.setQueryData([AGENDA_KEY, meetingId, 'items'], agenda);
    await queryClient.invalidateQueries({ queryKey: [AGENDA_KEY, meetingId, 'proposals'] });
  };
}
