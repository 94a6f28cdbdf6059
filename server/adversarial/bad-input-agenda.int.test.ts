import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { createCase, createForum } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';

/**
 * Generated bad input to a meeting's agenda (issue 14): adding, moving and removing items and
 * applying a template, as the meeting's chair. No 5xx, every 400 names its field, nothing stored
 * on a rejection.
 */
let t: TestApp;
let run: BadInputRun;
let chair: LoggedIn;
let meetingId = '';
let itemId = '';
let caseId = '';

const meetingVersion = async () =>
  (
    await t.database.db
      .selectFrom('meetings')
      .select('version')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow()
  ).version;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const user = await createUser(db, { roles: ['coordinator'] });
  chair = await login(t.app, user);
  const forum = await createForum(db, { members: [user.id] });
  caseId = (await createCase(db, { members: [{ userId: user.id, role: 'coordinator' }] })).id;
  meetingId = randomUUID();
  itemId = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      municipality_code: '101',
      forum_id: forum.id,
      meeting_type: 'forum',
      starts_at: '2027-05-03T10:00:00+02:00',
      ends_at: '2027-05-03T12:00:00+02:00',
      chair_user_id: user.id,
      created_by: user.id,
    })
    .execute();
  await db
    .insertInto('meeting_agenda_items')
    .values({
      id: itemId,
      municipality_code: '101',
      meeting_id: meetingId,
      position: 1,
      kind: 'topic',
      title: 'Status',
      created_by: user.id,
    })
    .execute();
  run = new BadInputRun(t, chair);
});
afterAll(async () => {
  printCounts(run.report(`agenda (${testEngine})`));
  await t.close();
});

const fixtures: Record<string, () => Fixture> = {
  'POST /api/meetings/{id}/agenda/items': () => ({
    params: { id: meetingId },
    body: async () => ({
      id: randomUUID(),
      meetingVersion: await meetingVersion(),
      kind: 'case',
      caseId,
      dueOn: '2027-05-10',
    }),
  }),
  'POST /api/meetings/{id}/agenda/template': () => ({
    params: { id: meetingId },
    body: async () => ({ meetingVersion: await meetingVersion(), template: 'area_meeting' }),
  }),
  'PATCH /api/meetings/{id}/agenda/items/{itemId}': () => ({
    params: { id: meetingId, itemId },
    body: async () => ({ meetingVersion: await meetingVersion(), position: 1 }),
  }),
  'DELETE /api/meetings/{id}/agenda/items/{itemId}': () => ({
    params: { id: meetingId, itemId: randomUUID() },
  }),
};

describe(`generated bad input: a meeting's agenda (${testEngine})`, () => {
  badInputTests({ group: 'agenda', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
