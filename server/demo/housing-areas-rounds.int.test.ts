import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { createArea } from '../modules/area-rounds/area-rounds.fixtures.ts';
import { seedDemoAreaRounds } from './housing-areas-rounds.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/** The demo's mapping rounds on "Nørrevang": none without the area; two rounds once with it. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds two quarterly rounds on Nørrevang, the first systematised, once', async () => {
  const db = t.database.db;
  await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  expect(await db.selectFrom('area_rounds').select('id').execute()).toEqual([]);
  const users = await db
    .selectFrom('users')
    .select(['id', 'username'])
    .where('username', 'in', ['demo.tovholder', 'demo.forum'])
    .execute();
  const id = (name: string) => users.find((u) => u.username === name)?.id ?? '';
  const area = await createArea(db, {
    createdBy: id('demo.tovholder'),
    teamMembers: [id('demo.tovholder'), id('demo.forum')],
    name: 'Nørrevang',
    municipalityCode: DEMO_MUNICIPALITY_CODE,
  });
  await seedDemoAreaRounds(db);
  await seedDemoAreaRounds(db);
  const rounds = await db
    .selectFrom('area_rounds')
    .select(['number', 'status'])
    .where('area_id', '=', area.id)
    .orderBy('number')
    .execute();
  expect(rounds).toEqual([
    { number: 1, status: 'systematised' },
    { number: 2, status: 'open' },
  ]);
  const connectors = await db
    .selectFrom('area_round_contributions')
    .select('label')
    .where('category', '=', 'positive_connector')
    .execute();
  expect(connectors).toEqual([{ label: 'Træner i bokseklubben' }]);
  expect(await db.selectFrom('area_round_overviews').select('round_id').execute()).toHaveLength(1);
});
