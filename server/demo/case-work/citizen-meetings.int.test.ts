import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from '../seed.ts';

/**
 * The demo's meeting the citizen: Nadia Demo refused three times, agreed through her aunt, and a
 * first meeting prepared (risk check answered), held with a lifeline and reflected on; once.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds the contact bar and a held, reflected meeting in one demo case, once', async () => {
  const keys = { secretKey: testKeys.secret, auditKey: testKeys.audit };
  const db = t.database.db;
  await seedDemo(db, keys);
  // A fresh installation has them after its first seed, and a second seed adds nothing.
  const first = await db
    .selectFrom('citizen_meetings')
    .select('id')
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(first).toHaveLength(1);
  await seedDemo(db, keys);
  const attempts = await db
    .selectFrom('citizen_contact_attempts')
    .select(['channel', 'outcome', 'bridge_builder'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .orderBy('attempted_on')
    .execute();
  expect(attempts.map((a) => [a.channel, a.outcome])).toEqual([
    ['phone', 'refused'],
    ['text', 'refused'],
    ['letter', 'no_answer'],
    ['bridge_builder', 'agreed_to_meet'],
  ]);
  expect(attempts[3]?.bridge_builder).toBe('Hendes moster');
  const meetings = await db
    .selectFrom('citizen_meetings')
    .select(['held_on', 'lifeline_phone', 'reflected_at', 'risk_check'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  expect(meetings).toHaveLength(1);
  expect(meetings[0]?.held_on).not.toBeNull();
  expect(meetings[0]?.lifeline_phone).toBeTruthy();
  expect(meetings[0]?.reflected_at).not.toBeNull();
  expect(Object.keys(meetings[0]?.risk_check as object)).toHaveLength(6);
});
