import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/** The demo meetings: a monthly forum series, an Infohus Kommune meeting, a steering group, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds the meetings once, with invited members who have e-mail addresses', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const meetings = await db
    .selectFrom('meetings')
    .select(['meeting_type', 'series_id'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  // The monthly forum series and one Infohus Kommune and one steering-group meeting of this
  // step; the agenda's two meetings (demo/agenda.ts) and the held meeting with minutes
  // (demo/minutes.ts) are the other three.
  expect(meetings.map((m) => m.meeting_type).sort()).toEqual([
    'forum',
    'forum',
    'forum',
    'forum',
    'forum',
    'forum',
    'infohus_kommune',
    'infohus_kommune',
    'infohus_kommune',
    'steering_group',
    'steering_group',
  ]);
  expect(new Set(meetings.filter((m) => m.series_id).map((m) => m.series_id)).size).toBe(1);
  const withoutEmail = await db
    .selectFrom('meeting_participants as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('u.username')
    .where('p.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('u.email', 'is', null)
    .execute();
  expect(withoutEmail).toEqual([]);
});
