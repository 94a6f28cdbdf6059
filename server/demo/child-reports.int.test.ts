import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/**
 * The demo's reports about children: the school's report marked afterwards and a daycare's
 * marked in the intake itself (issue 12), each recorded once however often the demo is seeded.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it(`gives the demo a daycare's report marked at intake and a school's marked afterwards, once (${testEngine})`, async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  await seedDemo(t.database.db, keys);
  await seedDemo(t.database.db, keys);
  const { rows } = await sql<{ source: string; at_intake: boolean }>`
    select i.source, i.child_report_marked_at = i.created_at as at_intake
      from inquiries i
     where i.municipality_code = ${DEMO_MUNICIPALITY_CODE} and i.child_report
     order by i.source`.execute(t.database.db);
  expect(rows).toEqual([
    { source: 'daycare', at_intake: true },
    { source: 'teacher', at_intake: false },
  ]);
});
