import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { ErrorBody } from '../../test/records.ts';
import { caller, ids, meetingWith, start, t, useMinutesFixtures } from './minutes.fixtures.ts';

/**
 * A meeting with minutes keeps what they record (review findings 1 and 2): its agenda is not
 * changed (removing an item would cascade to the item's minutes, decisions and tasks), the
 * meeting is not cancelled, its participants and external guests are not removed, and its time
 * and place are not moved. Each refusal is 409 `meeting_has_minutes` with a Danish message, and
 * nothing is stored.
 */
useMinutesFixtures();

const da = { 'accept-language': 'da' };

/** A planned Infohus Kommune meeting (model 1 holds it) with two topics, a member and a guest. */
async function plannedMeeting() {
  const { meetingId, itemIds } = await meetingWith(
    [
      { kind: 'topic', title: 'Tendenser i området' },
      { kind: 'topic', title: 'Orientering fra SSP' },
    ],
    'infohus_kommune',
  );
  const db = t.database.db;
  await db.updateTable('meetings').set({ status: 'planned' }).where('id', '=', meetingId).execute();
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
      name: 'Gæst Gæstesen',
      created_by: ids('chair'),
    })
    .execute();
  return { meetingId, itemIds: itemIds as [string, string], guestId };
}

async function meetingState(meetingId: string) {
  const db = t.database.db;
  const meeting = await db
    .selectFrom('meetings')
    .select(['status', 'place', 'version'])
    .where('id', '=', meetingId)
    .executeTakeFirstOrThrow();
  const items = await db
    .selectFrom('meeting_agenda_items')
    .select(['id', 'position'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .execute();
  const participants = await db
    .selectFrom('meeting_participants')
    .select('user_id')
    .where('meeting_id', '=', meetingId)
    .execute();
  const guests = await db
    .selectFrom('meeting_external_guests')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .execute();
  const mails = await db
    .selectFrom('email_outbox')
    .select('id')
    .execute()
    .then((rows) => rows.length);
  return { meeting, items, participants: participants.length, guests: guests.length, mails };
}

function expectRefused(res: { statusCode: number; body: string; json: () => unknown }) {
  expect(res.statusCode, res.body).toBe(409);
  const body = res.json() as ErrorBody;
  expect(body.error.code).toBe('meeting_has_minutes');
  expect(body.error.message).toMatch(/Mødet har et referat/);
}

describe(`a meeting with minutes keeps what they record (${testEngine})`, () => {
  it('refuses agenda changes, cancelling, removing people and moving the time or place', async () => {
    const { meetingId, itemIds, guestId } = await plannedMeeting();
    const chair = caller('chair');
    const base = `/api/meetings/${meetingId}`;
    // Before the minutes, the chair may change the agenda and cancel.
    const before = await chair.get(`${base}/agenda`);
    expect(before.statusCode, before.body).toBe(200);
    expect((before.json() as { mayEdit: boolean }).mayEdit).toBe(true);
    const detailBefore = await chair.get(base);
    expect((detailBefore.json() as { abilities: { cancel: boolean } }).abilities.cancel).toBe(true);

    await start(meetingId);
    const was = await meetingState(meetingId);
    const version = was.meeting.version;

    expectRefused(
      await chair.post(
        `${base}/agenda/items`,
        { id: randomUUID(), meetingVersion: version, kind: 'topic', title: 'Nyt punkt' },
        da,
      ),
    );
    expectRefused(
      await chair.delete(`${base}/agenda/items/${itemIds[0]}?meetingVersion=${version}`, da),
    );
    expectRefused(
      await chair.patch(
        `${base}/agenda/items/${itemIds[1]}`,
        { meetingVersion: version, position: 1 },
        da,
      ),
    );
    expectRefused(
      await chair.post(
        `${base}/agenda/template`,
        { meetingVersion: version, template: 'infohus_kommune' },
        da,
      ),
    );
    expectRefused(await chair.post(`${base}/cancel`, { version, reason: 'Aflyst alligevel.' }, da));
    expectRefused(await chair.delete(`${base}/participants/${ids('member')}`, da));
    expectRefused(await chair.delete(`${base}/external-guests/${guestId}`, da));
    expectRefused(await chair.patch(base, { version, place: 'Biblioteket' }, da));

    expect(await meetingState(meetingId)).toEqual(was);
    const after = await chair.get(`${base}/agenda`);
    expect((after.json() as { mayEdit: boolean }).mayEdit).toBe(false);
    const detailAfter = await chair.get(base);
    expect((detailAfter.json() as { abilities: { cancel: boolean } }).abilities.cancel).toBe(false);
    // A change the minutes do not record is still made: the note-taker.
    const noteTaker = await chair.patch(base, { version, noteTakerUserId: ids('chair') }, da);
    expect(noteTaker.statusCode, noteTaker.body).toBe(200);
  });
});
