import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createMailer, sendOutbox } from '../../platform/mail.ts';
import { testEngine } from '../../test/database.ts';
import { startSmtpServer, type ReceivedMail } from '../../test/smtp.ts';
import {
  call,
  fieldsIn,
  id,
  inDays,
  insertItem,
  meetingBody,
  state,
  t,
  useMeetingFixtures,
  type ErrorBody,
} from './meetings.fixtures.ts';
import type { MeetingDetail } from './schema.ts';

/**
 * Participants, guests and the invitations (issue 14 part 2): a guest is invited to one agenda
 * item of this meeting; every invitation, update and cancellation goes through the outbox to the
 * SMTP server with an .ics (one UID, SEQUENCE per change, METHOD:CANCEL) that names only the
 * forum, the time, the place and a link — never an agenda item, a case or an inquiry.
 */
useMeetingFixtures();

const PUBLIC_URL = 'https://tovholder.kommune.example';

/** Sends the outbox to a fresh in-process SMTP server; the messages it received. */
async function sendAll(): Promise<ReceivedMail[]> {
  const smtp = await startSmtpServer();
  const mailer = createMailer({ url: smtp.url, from: 'Tovholder <noreply@kommune.example>' });
  try {
    await sendOutbox(t.database.db, mailer, { publicUrl: PUBLIC_URL, batchSize: 200 });
  } finally {
    mailer.close();
    await smtp.close();
  }
  return smtp.received;
}

/** The decoded text of every part of a raw MIME message (base64 or quoted-printable), joined. */
function decodedParts(raw: string): string {
  const pieces = raw.split(/\r\n--[^\r\n]+\r\n/);
  return pieces
    .map((piece) => {
      const split = piece.indexOf('\r\n\r\n');
      const head = piece.slice(0, split).toLowerCase();
      const body = piece.slice(split + 4);
      if (head.includes('content-transfer-encoding: base64')) {
        return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
      }
      if (head.includes('quoted-printable')) {
        const bytes = body
          .replace(/=\r?\n/g, '')
          .split(/(=[0-9A-F]{2})/i)
          .flatMap((part) =>
            /^=[0-9A-F]{2}$/i.test(part) ? [parseInt(part.slice(1), 16)] : [...Buffer.from(part)],
          );
        return Buffer.from(bytes).toString('utf8');
      }
      return body;
    })
    .join('\n');
}

function icsOf(mail: ReceivedMail): string {
  const text = decodedParts(mail.raw);
  const start = text.indexOf('BEGIN:VCALENDAR');
  return text.slice(start, text.indexOf('END:VCALENDAR', start) + 'END:VCALENDAR'.length);
}

describe(`meetings: invitations by e-mail with an .ics (${testEngine})`, () => {
  it('invites every member with an address; update and cancel keep the UID and raise SEQUENCE', async () => {
    await sendAll(); // whatever the fixtures queued
    const body = meetingBody();
    const created = await call<MeetingDetail>('coordinator', 'POST', '/api/meetings', body);
    expect(created.status).toBe(201);
    const itemId = await insertItem(body.id, 'Drøftelse af sag 2026-000123 om Mads Jensen');

    const invitations = await sendAll();
    expect(invitations.map((m) => m.rcptTo[0]).sort()).toEqual([
      'membera@kommune.example',
      'memberb@kommune.example',
    ]);
    for (const mail of invitations) {
      const ics = icsOf(mail);
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain(`UID:${body.id}@tovholder`);
      expect(ics).toContain('SEQUENCE:0');
      expect(ics).toContain('forum');
      const all = decodedParts(mail.raw);
      expect(all).toContain(`${PUBLIC_URL}/moeder/${body.id}`);
      expect(all).toContain('Rådhuset, mødelokale 2');
      expect(all).not.toMatch(/2026-000123|Mads Jensen|Drøftelse/);
    }

    // An external guest with an address, invited to the one item.
    const guestId = randomUUID();
    const guest = await call<MeetingDetail>(
      'coordinator',
      'POST',
      `/api/meetings/${body.id}/external-guests`,
      {
        id: guestId,
        agendaItemId: itemId,
        name: 'Skolevejleder Lise',
        organisation: 'Nordskolen',
        email: 'lise@skole.example',
      },
    );
    expect(guest.status).toBe(200);
    expect(guest.body.externalGuests).toMatchObject([
      { id: guestId, hasEmail: true, invitationQueued: true },
    ]);
    const guestMail = await sendAll();
    expect(guestMail.map((m) => m.rcptTo[0])).toEqual(['lise@skole.example']);
    expect(decodedParts(guestMail[0]!.raw)).not.toMatch(/2026-000123|Mads Jensen|Drøftelse|Lise/);

    // Moved: an update to everyone, same UID, SEQUENCE:1.
    const moved = await call<MeetingDetail>('coordinator', 'PATCH', `/api/meetings/${body.id}`, {
      version: 1,
      startsAt: inDays(9),
      endsAt: inDays(9, 12),
    });
    expect(moved.status).toBe(200);
    const updates = await sendAll();
    expect(updates).toHaveLength(3);
    for (const mail of updates) {
      const ics = icsOf(mail);
      expect(ics).toContain('METHOD:REQUEST');
      expect(ics).toContain(`UID:${body.id}@tovholder`);
      expect(ics).toContain('SEQUENCE:1');
    }

    // Cancelled: METHOD:CANCEL, SEQUENCE:2, to everyone.
    const cancelled = await call('coordinator', 'POST', `/api/meetings/${body.id}/cancel`, {
      version: 2,
      reason: 'Aflyst pga. sygdom',
    });
    expect(cancelled.status).toBe(200);
    const cancels = await sendAll();
    expect(cancels).toHaveLength(3);
    for (const mail of cancels) {
      const ics = icsOf(mail);
      expect(ics).toContain('METHOD:CANCEL');
      expect(ics).toContain('STATUS:CANCELLED');
      expect(ics).toContain('SEQUENCE:2');
      expect(decodedParts(mail.raw)).not.toContain('sygdom');
    }
  });
});

describe(`meetings: participants and guests (${testEngine})`, () => {
  it('invites a partner to one item of this meeting only; a colleague as member; removes them', async () => {
    const body = meetingBody();
    await call('coordinator', 'POST', '/api/meetings', body);
    const otherMeeting = meetingBody();
    await call('coordinator', 'POST', '/api/meetings', otherMeeting);
    const itemId = await insertItem(body.id);
    const otherItem = await insertItem(otherMeeting.id);
    const url = `/api/meetings/${body.id}/participants`;

    const before = await state();
    const wrongItem = await call<ErrorBody>('memberA', 'POST', url, {
      userId: id('partner'),
      agendaItemId: otherItem,
    });
    expect(wrongItem.status).toBe(400);
    expect(fieldsIn(wrongItem.body)).toEqual(['body.agendaItemId:meeting_item_not_of_meeting']);
    const noItem = await call<ErrorBody>('memberA', 'POST', url, { userId: id('partner') });
    expect(fieldsIn(noItem.body)).toEqual(['body.agendaItemId:meeting_guest_item_required']);
    const foreign = await call<ErrorBody>('memberA', 'POST', url, {
      userId: id('otherCoordinator'),
    });
    expect(fieldsIn(foreign.body)).toEqual(['body.userId:meeting_participant_not_invitable']);
    expect((await call('memberB', 'POST', url, { userId: id('colleague') })).status).toBe(403);
    expect((await call('outsider', 'POST', url, { userId: id('colleague') })).status).toBe(404);
    expect(await state()).toEqual(before);

    const guest = await call<MeetingDetail>('memberA', 'POST', url, {
      userId: id('partner'),
      agendaItemId: itemId,
    });
    expect(guest.status).toBe(200);
    expect(guest.body.participants).toContainEqual(
      expect.objectContaining({ userId: id('partner'), kind: 'guest', agendaItemId: itemId }),
    );
    // The partner sees the meeting, as a guest, and may not change it.
    const seen = await call<MeetingDetail>('partner', 'GET', `/api/meetings/${body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.abilities.manage).toBe(false);
    expect(seen.body.externalGuests).toEqual([]);
    expect((await call('partner', 'GET', `/api/meetings/${otherMeeting.id}`)).status).toBe(404);

    const member = await call<MeetingDetail>('memberA', 'POST', url, { userId: id('colleague') });
    expect(member.body.participants).toContainEqual(
      expect.objectContaining({ userId: id('colleague'), kind: 'member', agendaItemId: null }),
    );
    const removed = await call<MeetingDetail>('memberA', 'DELETE', `${url}/${id('colleague')}`);
    expect(removed.status).toBe(200);
    expect(removed.body.participants.map((p) => p.userId)).not.toContain(id('colleague'));
    expect((await call('memberA', 'DELETE', `${url}/${id('colleague')}`)).status).toBe(404);
  });

  it('refuses an external guest for an item of another meeting, nothing stored', async () => {
    const body = meetingBody();
    await call('coordinator', 'POST', '/api/meetings', body);
    const other = meetingBody();
    await call('coordinator', 'POST', '/api/meetings', other);
    const otherItem = await insertItem(other.id);
    const before = await state();
    const res = await call<ErrorBody>(
      'coordinator',
      'POST',
      `/api/meetings/${body.id}/external-guests`,
      {
        id: randomUUID(),
        agendaItemId: otherItem,
        name: 'Gæst',
      },
    );
    expect(res.status).toBe(400);
    expect(fieldsIn(res.body)).toEqual(['body.agendaItemId:meeting_item_not_of_meeting']);
    expect(await state()).toEqual(before);
  });
});
