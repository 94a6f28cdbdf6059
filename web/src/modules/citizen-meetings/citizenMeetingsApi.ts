import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  CitizenContact,
  CitizenMeeting,
  ContactAttempt,
  PrepareCitizenMeetingBody,
  RecordContactAttemptBody,
  RecordMeetingHeldBody,
  RecordReflectionBody,
  UpdatePreparationBody,
} from '../../../../server/modules/citizen-meetings/schema.ts';
import { apiGet, apiSend } from '../../app/api';

/** Meeting the citizen, of `server/modules/citizen-meetings/routes.ts`, as the web app uses it. */
export type { CitizenContact, CitizenMeeting, ContactAttempt };

/** The case or inquiry the contact bar and meetings belong to. */
export interface ContactOwner {
  kind: 'case' | 'inquiry';
  id: string;
}

/** What the caller may do here: from the record's abilities the server sent, never from roles. */
export interface ContactAbilities {
  read: boolean;
  write: boolean;
  /** May read and write the compartment's fields (colleague check, perspective, stage, reflection). */
  compartment: boolean;
}

const base = (owner: ContactOwner) =>
  owner.kind === 'case' ? `/api/cases/${owner.id}` : `/api/inquiries/${owner.id}`;

/** Under the record's own key, so a change anywhere in it refreshes the bar (logout drops it). */
export const contactKey = (owner: ContactOwner) =>
  [owner.kind === 'case' ? 'cases' : 'inquiries', 'citizen-contact', owner.id] as const;

export function useCitizenContact(owner: ContactOwner, enabled: boolean) {
  return useQuery({
    queryKey: contactKey(owner),
    queryFn: ({ signal }) => apiGet<CitizenContact>(`${base(owner)}/citizen-contact`, { signal }),
    enabled,
  });
}

export const recordAttempt = (
  owner: ContactOwner,
  body: z.input<typeof RecordContactAttemptBody>,
) => apiSend<CitizenContact>('POST', `${base(owner)}/contact-attempts`, body);

export const prepareMeeting = (
  owner: ContactOwner,
  body: z.input<typeof PrepareCitizenMeetingBody>,
) => apiSend<CitizenContact>('POST', `${base(owner)}/citizen-meetings`, body);

const meetingPath = (owner: ContactOwner, id: string, part: string) =>
  `${base(owner)}/citizen-meetings/${id}/${part}`;

export const updatePreparation = (
  owner: ContactOwner,
  id: string,
  body: z.input<typeof UpdatePreparationBody>,
) => apiSend<CitizenContact>('PUT', meetingPath(owner, id, 'preparation'), body);

export const recordHeld = (
  owner: ContactOwner,
  id: string,
  body: z.input<typeof RecordMeetingHeldBody>,
) => apiSend<CitizenContact>('PUT', meetingPath(owner, id, 'held'), body);

export const recordReflection = (
  owner: ContactOwner,
  id: string,
  body: z.input<typeof RecordReflectionBody>,
) => apiSend<CitizenContact>('PUT', meetingPath(owner, id, 'reflection'), body);

/** The summary for the citizen (a case's meeting held): ids only in the address. */
export const summaryPdfUrl = (owner: ContactOwner, id: string) =>
  owner.kind === 'case' ? meetingPath(owner, id, 'summary.pdf') : null;
