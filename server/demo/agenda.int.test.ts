import { afterAll, beforeAll, expect, it } from 'vitest';
import { requireMeeting } from '../access/meeting-access.ts';
import { readAgenda } from '../modules/meetings/agenda-view.ts';
import type { RequestContext } from '../platform/context.ts';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { demoUsers } from './inquiries-setup.ts';
import { DEMO_AGENDA_MEETING, DEMO_STEERING_MEETING } from './agenda.ts';
import { seedDemo } from './seed.ts';

/** The demo agenda: a forum meeting whose chair sees two items and "1 hidden", once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('adds the demo meetings and their agenda once; the chair cannot see the other coordinator’s case', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  // The agenda's two meetings (the demo's other meetings are seeded by demo/meetings.ts and
  // demo/minutes.ts); the seed ran twice, the agenda is there once (below).
  const items = await db
    .selectFrom('meetings')
    .select(['id', 'meeting_type'])
    .where('id', 'in', [DEMO_AGENDA_MEETING, DEMO_STEERING_MEETING])
    .execute();
  expect(items.map((m) => m.meeting_type).sort()).toEqual(['infohus_kommune', 'steering_group']);
  const forumMeeting = items.find((m) => m.id === DEMO_AGENDA_MEETING);
  const chair = (await demoUsers(db)).get('demo.tovholder');
  if (!chair || !forumMeeting) throw new Error('no demo chair or meeting');
  const ctx: RequestContext = {
    db,
    keys: testKeys,
    user: chair,
    requestId: 'demo-test',
    ip: '127.0.0.1',
    language: 'da',
  };
  const access = await requireMeeting(db, chair, forumMeeting.id);
  const { agenda } = await readAgenda(db, ctx, access);
  expect(agenda.items.map((i) => i.record?.reference ?? i.title)).toEqual([
    'Status på området',
    'S-2026-0001',
  ]);
  expect(agenda.hiddenCount).toBe(1);
  expect(agenda.mayEdit).toBe(true);
});
