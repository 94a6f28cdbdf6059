import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { createTestArea } from '../modules/area-plans/area-plans.fixtures.ts';
import { countAreaPlanGoalsByArea } from '../modules/area-plans/follow-ups.ts';
import { seedDemoAreaPlans } from './housing-areas-plans.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/** The demo's area analysis and approved plan on Nørrevang: nothing without the area, then once. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('seeds an analysis and an approved plan with three goals on Nørrevang, once', async () => {
  const db = t.database.db;
  await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  const coordinator = await db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'demo.tovholder')
    .executeTakeFirstOrThrow();
  expect(await db.selectFrom('area_analyses').select('id').execute()).toEqual([]);
  const area = await createTestArea(db, {
    createdBy: coordinator.id,
    team: [coordinator.id],
    name: 'Nørrevang',
    municipalityCode: DEMO_MUNICIPALITY_CODE,
  });
  await seedDemoAreaPlans(db);
  await seedDemoAreaPlans(db);
  const analyses = await db.selectFrom('area_analyses').select('content').execute();
  expect(analyses).toHaveLength(1);
  expect(analyses[0]!.content).toMatchObject({ connectorIds: [area.connectorId] });
  const plans = await db.selectFrom('area_action_plans').select(['status', 'goals']).execute();
  expect(plans.map((p) => p.status)).toEqual(['approved']);
  const counts = await countAreaPlanGoalsByArea(db, DEMO_MUNICIPALITY_CODE, [area.id]);
  expect(counts.get(area.id)).toMatchObject({ total: 3, in_progress: 1, not_started: 2 });
});
