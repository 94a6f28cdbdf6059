import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for the meetings (issue 14 part 2): creating, changing and
 * cancelling a meeting, its participants and external guests. A coordinator (who manages the
 * municipality's forums) calls; a rejected request stores nothing, the audit log included.
 */
let t: TestApp;
let run: BadInputRun;
let coordinator: LoggedIn;
let member: TestUser;
let forumId = '';
let meetingId = '';
let itemId = '';
let guestId = '';

const inDays = (days: number, hour: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const user = await createUser(db, { roles: ['coordinator'] });
  coordinator = await login(t.app, user);
  member = await createUser(db, { roles: ['forum_member'] });
  forumId = (
    await db
      .insertInto('forums')
      .values({ municipality_code: '101', name: 'Infohus', kind: 'infohus_kommune' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db.insertInto('forum_members').values({ forum_id: forumId, user_id: member.id }).execute();
  meetingId = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      forum_id: forumId,
      meeting_type: 'infohus_kommune',
      starts_at: inDays(7, 9),
      ends_at: inDays(7, 11),
      place: 'Rådhuset',
      created_by: user.id,
    })
    .execute();
  await db
    .insertInto('meeting_participants')
    .values({ meeting_id: meetingId, user_id: member.id, kind: 'member' })
    .execute();
  itemId = randomUUID();
  await db
    .insertInto('meeting_agenda_items')
    .values({
      id: itemId,
      meeting_id: meetingId,
      position: 1,
      kind: 'topic',
      title: 'Tema',
      created_by: user.id,
    })
    .execute();
  guestId = randomUUID();
  await db
    .insertInto('meeting_external_guests')
    .values({
      id: guestId,
      meeting_id: meetingId,
      agenda_item_id: itemId,
      name: 'Gæst',
      created_by: user.id,
    })
    .execute();
  run = new BadInputRun(t, coordinator);
});
afterAll(async () => {
  printCounts(run.report(`meetings (${testEngine})`));
  await t.close();
});

const version = () => versionOf(t.database.db, 'meetings', meetingId);

const fixtures: Record<string, () => Fixture> = {
  'POST /api/meetings': () => ({
    body: () => ({
      id: randomUUID(),
      forumId,
      meetingType: 'infohus_kommune',
      startsAt: inDays(9, 9),
      endsAt: inDays(9, 11),
      place: 'Politistationen',
      chairUserId: member.id,
    }),
  }),
  'PATCH /api/meetings/{id}': () => ({
    params: { id: meetingId },
    body: async () => ({ version: await version(), place: 'Rådhuset, lokale 3' }),
  }),
  'POST /api/meetings/{id}/cancel': () => ({
    params: { id: meetingId },
    body: async () => ({ version: await version(), reason: 'Sygdom' }),
  }),
  'POST /api/meetings/{id}/participants': () => ({
    params: { id: meetingId },
    body: () => ({ userId: member.id }),
  }),
  'DELETE /api/meetings/{id}/participants/{userId}': () => ({
    params: { id: meetingId, userId: member.id },
  }),
  'POST /api/meetings/{id}/external-guests': () => ({
    params: { id: meetingId },
    body: () => ({
      id: randomUUID(),
      agendaItemId: itemId,
      name: 'Skolevejleder',
      organisation: 'Nordskolen',
      email: 'vejleder@skole.example',
    }),
  }),
  'DELETE /api/meetings/{id}/external-guests/{guestId}': () => ({
    params: { id: meetingId, guestId },
  }),
};

describe(`generated bad input: meetings (${testEngine})`, () => {
  badInputTests({ group: 'meetings', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
