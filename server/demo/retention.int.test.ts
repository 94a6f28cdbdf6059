import { afterAll, beforeAll, expect, it } from 'vitest';
import { dryRun } from '../modules/retention/due.ts';
import { getPeriods } from '../modules/retention/periods.ts';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/** The demo's retention: periods saved unconfirmed, one old closed case due in the dry-run, once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('shows one closed demo case whose period has ended, held back by the unconfirmed period', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const db = t.database.db;
  const periods = await getPeriods(db, DEMO_MUNICIPALITY_CODE);
  expect(periods.every((p) => !p.confirmed && p.version === 1)).toBe(true);
  const run = await dryRun(db, DEMO_MUNICIPALITY_CODE, new Date());
  expect(run.items).toHaveLength(1);
  expect(run.items[0]).toMatchObject({
    recordKind: 'case',
    retentionKind: 'case_closed',
    status: 'period_unconfirmed',
    exportId: null,
  });
});
