import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { seedDemo } from '../seed.ts';

/** The demo's disclosure register: two fictional entries on an active demo case, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('records two disclosures on an active demo case once, each with its person and event', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const entries = await db
    .selectFrom('disclosures as d')
    .innerJoin('disclosure_persons as dp', 'dp.disclosure_id', 'd.id')
    .select(['d.recipient_kind', 'd.channel'])
    // Recorded by hand: the demo's forwarded inquiry adds one the product made (transfers.ts).
    .where('d.recorded_by_hand', '=', true)
    .orderBy('d.disclosed_on')
    .execute();
  expect(entries).toEqual([
    { recipient_kind: 'psychiatry', channel: 'phone' },
    { recipient_kind: 'prison_probation', channel: 'letter' },
  ]);
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('kind', '=', 'disclosure_recorded')
    .execute();
  expect(events).toHaveLength(2);
});
