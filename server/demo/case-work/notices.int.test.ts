import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';

/** The demo's citizen told: one letter and one exemption, each with its chronology event, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('records one notice and one exemption in the demo cases, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const notices = await db
    .selectFrom('case_notices')
    .select(['outcome', 'method', 'exemption'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .orderBy('outcome')
    .execute();
  expect(notices).toEqual([
    { outcome: 'exempted', method: null, exemption: 'police_request' },
    { outcome: 'informed', method: 'letter', exemption: null },
  ]);
  const events = await db
    .selectFrom('case_events')
    .select('kind')
    .where('kind', 'in', ['citizen_informed', 'notice_exempted'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(events).toHaveLength(2);
});
