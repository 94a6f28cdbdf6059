import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';

/** The demo's access requests: one open with its draft, one released with its disclosure, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds one open and one released access request, with the release in the register, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const requests = await db
    .selectFrom('access_requests')
    .select(['id', 'status', 'kind'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .orderBy('status')
    .execute();
  expect(requests.map((r) => [r.status, r.kind])).toEqual([
    ['in_review', 'data_subject_access'],
    ['released', 'party_access'],
  ]);
  const items = await db
    .selectFrom('access_request_items')
    .select(['request_id', 'decision', 'source'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  const released = requests[1]?.id;
  expect(
    items.filter((i) => i.request_id === released).every((i) => i.decision !== 'pending'),
  ).toBe(true);
  expect(items.some((i) => i.source === 'access_report')).toBe(true);
  const entries = await db
    .selectFrom('disclosures')
    .select('id')
    .where('recipient_kind', '=', 'citizen')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(entries).toHaveLength(1);
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('kind', '=', 'access_request_released')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(events).toHaveLength(1);
});
