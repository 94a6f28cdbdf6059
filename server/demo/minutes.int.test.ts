import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/** The demo's minutes: one held meeting with approved minutes, two items and one task, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds approved minutes with a task for demo.forum, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const minutes = await db
    .selectFrom('meeting_minutes')
    .select(['status', 'version_no'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(minutes).toEqual([{ status: 'approved', version_no: 1 }]);
  const items = await db
    .selectFrom('meeting_minutes_items')
    .select('assessed')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(items).toHaveLength(2);
  const tasks = await db
    .selectFrom('meeting_minutes_tasks as t')
    .innerJoin('users as u', 'u.id', 't.responsible_user_id')
    .select(['u.username', 't.done_at'])
    .where('t.municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(tasks).toEqual([{ username: 'demo.forum', done_at: null }]);
});
