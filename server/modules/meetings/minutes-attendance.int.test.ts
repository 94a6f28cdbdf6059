import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { pdfText } from '../../test/pdf-text.ts';
import {
  caller,
  forumCase,
  ids,
  inviteGuest,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
} from './minutes.fixtures.ts';

/**
 * Who was present belongs to the approved version of the minutes (review finding 2): it is copied
 * in at approval, so a correction draft that records attendance differently, or a participant
 * removed afterwards, leaves the approved version's page and PDF as they were.
 */
useMinutesFixtures();

interface Present {
  minutes: { version: number } | null;
  attendance: {
    participants: { userId: string; attended: boolean | null }[];
    guests: { id: string; name: string; attended: boolean | null }[];
  };
}
const read = async (meetingId: string, query = '') => {
  const res = await caller('noteTaker').get(`/api/meetings/${meetingId}/minutes${query}`);
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as Present;
};

describe(`attendance in an approved version of the minutes (${testEngine})`, () => {
  it('keeps the approved attendance through a correction and a removed participant', async () => {
    const db = t.database.db;
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    await db
      .insertInto('meeting_participants')
      .values({ meeting_id: meetingId, user_id: ids('member'), kind: 'member' })
      .execute();
    const guestId = randomUUID();
    await db
      .insertInto('meeting_external_guests')
      .values({
        id: guestId,
        meeting_id: meetingId,
        agenda_item_id: itemIds[0] as string,
        name: 'Birte Skolesen',
        organisation: 'Nordskolen',
        created_by: ids('chair'),
      })
      .execute();
    let version = await start(meetingId);
    const marked = await caller('noteTaker').put(`/api/meetings/${meetingId}/minutes/attendance`, {
      version,
      participants: [{ userId: ids('member'), attended: true }],
      guests: [{ id: guestId, attended: true }],
    });
    expect(marked.statusCode, marked.body).toBe(200);
    version = (marked.json() as { version: number }).version;
    const approved = await caller('chair').post(`/api/meetings/${meetingId}/minutes/approve`, {
      version,
    });
    expect(approved.statusCode, approved.body).toBe(200);

    const correction = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/versions`,
      {
        id: randomUUID(),
        version: (await read(meetingId)).minutes?.version,
        reason: 'Fremmødet var registreret forkert.',
      },
    );
    expect(correction.statusCode, correction.body).toBe(201);
    const draft = await read(meetingId);
    const changed = await caller('noteTaker').put(`/api/meetings/${meetingId}/minutes/attendance`, {
      version: draft.minutes?.version,
      participants: [{ userId: ids('member'), attended: false }],
      guests: [{ id: guestId, attended: false }],
    });
    expect(changed.statusCode, changed.body).toBe(200);
    // The guest is taken off the meeting's rows altogether.
    await db.deleteFrom('meeting_external_guests').where('id', '=', guestId).execute();

    const v1 = await read(meetingId, '?versionNo=1');
    expect(v1.attendance.participants).toEqual([
      expect.objectContaining({ userId: ids('member'), attended: true }),
    ]);
    expect(v1.attendance.guests).toEqual([
      expect.objectContaining({ id: guestId, name: 'Birte Skolesen', attended: true }),
    ]);
    const v2 = await read(meetingId);
    expect(v2.attendance.participants).toEqual([expect.objectContaining({ attended: false })]);
    expect(v2.attendance.guests).toEqual([]);

    const pdf = await caller('noteTaker').get(`/api/meetings/${meetingId}/minutes.pdf?versionNo=1`);
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).toContain('Birte Skolesen');
  });
});

describe(`what a guest sees of a corrected version (${testEngine})`, () => {
  it('leaves out the correction reason for a guest, page and PDF', async () => {
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    await inviteGuest(meetingId, itemIds[0] as string, 'guest');
    const version = await start(meetingId);
    const approved = await caller('chair').post(`/api/meetings/${meetingId}/minutes/approve`, {
      version,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const reason = 'Rettet efter indsigelse fra skolen';
    const correction = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/versions`,
      { id: randomUUID(), version: (await read(meetingId)).minutes?.version, reason },
    );
    expect(correction.statusCode, correction.body).toBe(201);

    expect(JSON.stringify(await read(meetingId))).toContain(reason);
    const guest = await caller('guest').get(`/api/meetings/${meetingId}/minutes`);
    expect(guest.statusCode).toBe(200);
    expect(guest.body).not.toContain(reason);
    const pdf = await caller('guest').get(`/api/meetings/${meetingId}/minutes.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(await pdfText(pdf.rawPayload)).not.toContain('indsigelse');
  });
});
