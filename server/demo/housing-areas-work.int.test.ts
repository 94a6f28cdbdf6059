import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { SQUARE } from '../modules/area-work/area-work.fixtures.ts';
import { seedDemoAreaWork } from './housing-areas-work.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/**
 * The area work's demo data on "Nørrevang": nothing when the area is missing; else one 4a
 * inquiry with the area in the inbox, a theme evening and a course for 25, once.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds nothing without Nørrevang, and the identification and two interventions once with it', async () => {
  const db = t.database.db;
  const keys = { secret: testKeys.secret, audit: testKeys.audit };
  await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  const count = async () =>
    (
      await db
        .selectFrom('area_interventions')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n;
  expect(Number(await count())).toBe(0);

  const coordinator = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo.tovholder')
    .executeTakeFirstOrThrow();
  const area = await db
    .insertInto('housing_areas')
    .values({
      id: '7d1f5a52-8c1e-4d7e-9a55-0e6f3b2a4aff',
      municipality_code: DEMO_MUNICIPALITY_CODE,
      name: 'Nørrevang',
      geometry: JSON.stringify(SQUARE),
      created_by: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await seedDemoAreaWork(db, keys);
  await seedDemoAreaWork(db, keys);

  const interventions = await db
    .selectFrom('area_interventions')
    .select(['title', 'kind', 'status', 'planned_participants'])
    .where('area_id', '=', area.id)
    .orderBy('title')
    .execute();
  expect(interventions).toEqual([
    {
      title: 'Kursus i tegn på radikalisering for frontpersonale',
      kind: 'upskilling',
      status: 'active',
      planned_participants: 25,
    },
    {
      title: 'Temaaften om bekymringstegn for foreningerne',
      kind: 'area_civil_society',
      status: 'planned',
      planned_participants: 30,
    },
  ]);
  const inquiries = await db
    .selectFrom('inquiries')
    .select(['identification_tool', 'status'])
    .where('housing_area_id', '=', area.id)
    .execute();
  expect(inquiries).toEqual([{ identification_tool: '4a', status: 'received' }]);
});
