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
    // The entries recorded by hand.
    .where('d.recorded_by_hand', '=', true)
    .orderBy('d.disclosed_on')
    .execute();
  expect(entries).toEqual([
    { recipient_kind: 'psychiatry', channel: 'phone' },
    { recipient_kind: 'prison_probation', channel: 'letter' },
  ]);
  // What the product registered itself: the demo forum's contributions in Demo Infohus, where the
  // police sit, the psychiatry partner's invitation into a case, the released access request and
  // the inquiry forwarded to Demo Nabokommune.
  const made = await db
    .selectFrom('disclosures')
    .select(['recipient_kind', 'product_source'])
    .where('recorded_by_hand', '=', false)
    .execute();
  expect(new Set(made.map((m) => m.product_source))).toEqual(
    new Set([
      'inquiry_contribution',
      'partner_access',
      'access_request_package',
      'inquiry_forwarding',
    ]),
  );
  const events = await db
    .selectFrom('case_events')
    .select('id')
    .where('kind', '=', 'disclosure_recorded')
    .execute();
  expect(events).toHaveLength(2);
});
