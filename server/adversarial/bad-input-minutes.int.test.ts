import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { createCase, createForum, createPerson } from '../test/records.ts';
import { createUser, login } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for a meeting's minutes (issue 14 part 4): each write route on a
 * meeting of its own (so that one route's accepted request leaves the others' drafts as they
 * were), called by the coordinator who chairs and takes the notes.
 */
let t: TestApp;
let run: BadInputRun;
let userId = '';
const meetings: Record<string, { meetingId: string; caseItem: string; taskId: string }> = {};

async function meeting(name: string, options: { approved?: boolean; started?: boolean } = {}) {
  const db = t.database.db;
  const person = await createPerson(db);
  const c = await createCase(db, {
    persons: [{ id: person.id }],
    members: [{ userId, role: 'coordinator' }],
  });
  const forum = await createForum(db, { members: [userId] });
  const meetingId = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      forum_id: forum.id,
      meeting_type: 'forum',
      starts_at: new Date(Date.now() - 60_000),
      ends_at: new Date(Date.now() + 3_600_000),
      chair_user_id: userId,
      note_taker_user_id: userId,
      status: 'held',
      recorded_afterwards: true,
      created_by: userId,
    })
    .execute();
  const caseItem = randomUUID();
  await db
    .insertInto('meeting_agenda_items')
    .values({
      id: caseItem,
      meeting_id: meetingId,
      position: 1,
      kind: 'case',
      case_id: c.id,
      created_by: userId,
    })
    .execute();
  await db
    .insertInto('meeting_participants')
    .values({ meeting_id: meetingId, user_id: userId, kind: 'member' })
    .execute();
  let taskId = '';
  if (options.started !== false) {
    const minutesId = randomUUID();
    await db
      .insertInto('meeting_minutes')
      .values({
        id: minutesId,
        meeting_id: meetingId,
        version_no: 1,
        created_by: userId,
        ...(options.approved && {
          status: 'approved',
          approved_by: userId,
          approved_at: new Date(),
        }),
      })
      .execute();
    taskId = randomUUID();
    await db
      .insertInto('meeting_minutes_tasks')
      .values({
        id: taskId,
        meeting_id: meetingId,
        minutes_id: minutesId,
        agenda_item_id: caseItem,
        case_id: c.id,
        description: 'Kontakt skolen',
        responsible_user_id: userId,
        due_on: '2030-01-01',
        created_by: userId,
      })
      .execute();
  }
  meetings[name] = { meetingId, caseItem, taskId };
}

beforeAll(async () => {
  t = await startTestApp();
  const user = await createUser(t.database.db, { roles: ['coordinator'] });
  userId = user.id;
  await meeting('start', { started: false });
  for (const name of ['item', 'decision', 'attendance', 'task', 'done', 'approve']) {
    await meeting(name);
  }
  await meeting('version', { approved: true });
  run = new BadInputRun(t, await login(t.app, user));
});

afterAll(async () => {
  printCounts(run.report(`minutes (${testEngine})`));
  await t.close();
});

const m = (name: string) => {
  const found = meetings[name];
  if (!found) throw new Error(`no meeting ${name}`);
  return found;
};
/** The current version of a meeting's latest minutes. */
async function minutesVersion(name: string): Promise<number> {
  const row = await t.database.db
    .selectFrom('meeting_minutes')
    .select('version')
    .where('meeting_id', '=', m(name).meetingId)
    .orderBy('version_no', 'desc')
    .executeTakeFirstOrThrow();
  return row.version;
}

const fixtures: Record<string, () => Fixture> = {
  'POST /api/meetings/{id}/minutes': () => ({
    params: { id: m('start').meetingId },
    body: () => ({ id: randomUUID() }),
  }),
  'PUT /api/meetings/{id}/minutes/items/{itemId}': () => ({
    params: { id: m('item').meetingId, itemId: m('item').caseItem },
    body: async () => ({
      version: await minutesVersion('item'),
      assessed: 'Forummet drøftede forløbet.',
      decision: 'Fortsætter uændret.',
    }),
  }),
  'POST /api/meetings/{id}/minutes/items/{itemId}/decision': () => ({
    params: { id: m('decision').meetingId, itemId: m('decision').caseItem },
    body: async () => ({
      version: await minutesVersion('decision'),
      action: { kind: 'concern_level', concernLevel: 'moderate', summary: 'Uændret.' },
    }),
  }),
  'PUT /api/meetings/{id}/minutes/attendance': () => ({
    params: { id: m('attendance').meetingId },
    body: async () => ({
      version: await minutesVersion('attendance'),
      participants: [{ userId, attended: true }],
      guests: [],
    }),
  }),
  'POST /api/meetings/{id}/minutes/tasks': () => ({
    params: { id: m('task').meetingId },
    body: async () => ({
      id: randomUUID(),
      version: await minutesVersion('task'),
      agendaItemId: m('task').caseItem,
      description: 'Ring til skolen',
      responsibleUserId: userId,
      dueOn: '2030-01-01',
    }),
  }),
  'POST /api/meetings/{id}/minutes/tasks/{taskId}/done': () => ({
    params: { id: m('done').meetingId, taskId: m('done').taskId },
    body: async () => ({
      version: await versionOf(t.database.db, 'meeting_minutes_tasks', m('done').taskId),
    }),
  }),
  'POST /api/meetings/{id}/minutes/approve': () => ({
    params: { id: m('approve').meetingId },
    body: async () => ({
      version: await minutesVersion('approve'),
      noPersonalDataConfirmed: false,
    }),
  }),
  'POST /api/meetings/{id}/minutes/versions': () => ({
    params: { id: m('version').meetingId },
    body: async () => ({
      id: randomUUID(),
      version: await minutesVersion('version'),
      reason: 'Beslutningen var skrevet forkert.',
    }),
  }),
};

describe(`generated bad input: a meeting's minutes (${testEngine})`, () => {
  badInputTests({ group: 'minutes', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
