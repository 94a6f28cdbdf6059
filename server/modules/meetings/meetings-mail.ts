import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { queueMailRows } from '../../platform/mail.ts';
import {
  MEETING_CANCEL_MAIL_KIND,
  MEETING_INVITATION_MAIL_KIND,
  MEETING_UPDATE_MAIL_KIND,
} from '../../platform/mail-meeting.ts';
import * as writes from './queries-writes.ts';

/**
 * Queues the meeting's e-mails (invitation, update, cancellation with an .ics, composed when sent
 * by server/platform/mail-meeting.ts) to each participant with an e-mail address and each
 * external guest with one, in the caller's transaction, and records `invitation_queued_at`. The
 * iCalendar SEQUENCE is the meeting's version less one: 0 for the first invitation, one more for
 * each change of the meeting.
 */
export type MeetingMailKind = 'invitation' | 'update' | 'cancel';

const KINDS: Record<MeetingMailKind, string> = {
  invitation: MEETING_INVITATION_MAIL_KIND,
  update: MEETING_UPDATE_MAIL_KIND,
  cancel: MEETING_CANCEL_MAIL_KIND,
};

export async function queueMeetingMail(
  trx: Transaction<DB>,
  input: {
    municipalityCode: string;
    meetings: { id: string; version: number }[];
    kind: MeetingMailKind;
    /** Only this user (a participant added or removed), or only this guest; else everyone. */
    onlyUserId?: string;
    onlyGuestId?: string;
  },
): Promise<void> {
  const { municipalityCode } = input;
  const sequence = new Map(input.meetings.map((m) => [m.id, m.version - 1]));
  const ids = input.meetings.map((m) => m.id);
  const rows: Insertable<DB['email_outbox']>[] = [];
  const users =
    input.onlyGuestId === undefined
      ? await writes.reachableParticipants(trx, municipalityCode, ids, input.onlyUserId)
      : [];
  for (const p of users) {
    rows.push({
      municipality_code: municipalityCode,
      user_id: p.user_id,
      kind: KINDS[input.kind],
      meeting_id: p.meeting_id,
      meeting_sequence: sequence.get(p.meeting_id) ?? 0,
    });
  }
  const guestIds: string[] = [];
  if (input.onlyUserId === undefined) {
    for (const meetingId of ids) {
      for (const g of await writes.reachableGuests(
        trx,
        municipalityCode,
        meetingId,
        input.onlyGuestId,
      )) {
        guestIds.push(g.id);
        rows.push({
          municipality_code: municipalityCode,
          meeting_external_guest_id: g.id,
          kind: KINDS[input.kind],
          meeting_id: meetingId,
          meeting_sequence: sequence.get(meetingId) ?? 0,
        });
      }
    }
  }
  await queueMailRows(trx, rows);
  await writes.markParticipantsQueued(
    trx,
    municipalityCode,
    ids,
    users.map((u) => u.user_id),
  );
  await writes.markGuestsQueued(trx, municipalityCode, guestIds);
}
