import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';
import { DEMO_NEIGHBOUR_CODE } from './transfers.ts';

/** The demo across municipalities: one forwarded inquiry and two pending transfers, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('forwards one inquiry to Demo Nabokommune and proposes two transfers there, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const forwardings = await db
    .selectFrom('inquiry_forwardings')
    .select(['municipality_code', 'direction', 'counterpart_code'])
    .orderBy('direction', 'desc')
    .execute();
  expect(forwardings).toEqual([
    { municipality_code: DEMO_MUNICIPALITY_CODE, direction: 'sent', counterpart_code: '998' },
    { municipality_code: DEMO_NEIGHBOUR_CODE, direction: 'received', counterpart_code: '999' },
  ]);
  const transfers = await db
    .selectFrom('case_transfers')
    .select(['municipality_code', 'to_municipality_code', 'status', 'legal_basis_key'])
    .select((eb) => eb('consent_id', 'is not', null).as('with_consent'))
    .orderBy('legal_basis_key')
    .execute();
  // One on the value-leap rule, one on the citizen's consent (transfer-consent.ts).
  const proposed = {
    municipality_code: DEMO_MUNICIPALITY_CODE,
    to_municipality_code: DEMO_NEIGHBOUR_CODE,
    status: 'proposed',
  };
  expect(transfers).toEqual([
    { ...proposed, legal_basis_key: 'consent', with_consent: true },
    { ...proposed, legal_basis_key: 'value_leap', with_consent: false },
  ]);
  const nabo = await db
    .selectFrom('users')
    .select('municipality_code')
    .where('username', '=', 'demo.nabo')
    .executeTakeFirstOrThrow();
  expect(nabo.municipality_code).toBe(DEMO_NEIGHBOUR_CODE);
});
