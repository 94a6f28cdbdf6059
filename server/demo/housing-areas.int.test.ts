import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../test/app.ts';
import { countAreaPlanGoalsByArea } from '../modules/area-plans/follow-ups.ts';
import { seedDemoHousingAreaModel } from './housing-areas.ts';
import { DEMO_MUNICIPALITY_CODE, seedDemo } from './seed.ts';

/**
 * The housing-area model's demo data (issue 16), seeded with the rest of the demo: Nørrevang with
 * its zones, places, team and housing partner; two mapping rounds, the second finding a positive
 * connector; a tool 4a inquiry in the inbox and two area interventions; the analysis and the
 * approved plan naming the connector; the implementation follow-up. Seeding again adds nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function snapshot() {
  const db = t.database.db;
  const area = await db
    .selectFrom('housing_areas')
    .select(['id', 'team_forum_id', 'cadence'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .where('name', '=', 'Nørrevang')
    .executeTakeFirstOrThrow();
  const parts = await db
    .selectFrom('housing_area_parts')
    .select(['level', 'name'])
    .where('area_id', '=', area.id)
    .execute();
  const partners = await db
    .selectFrom('housing_area_partners as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select(['u.username', 'p.sees_overview'])
    .where('p.area_id', '=', area.id)
    .execute();
  const rounds = await db
    .selectFrom('area_rounds')
    .select(['number', 'status'])
    .where('area_id', '=', area.id)
    .orderBy('number')
    .execute();
  const connectors = await db
    .selectFrom('area_round_contributions')
    .select(['id', 'label'])
    .where('category', '=', 'positive_connector')
    .execute();
  const interventions = await db
    .selectFrom('area_interventions')
    .select(['title', 'kind', 'planned_participants'])
    .where('area_id', '=', area.id)
    .orderBy('title')
    .execute();
  const inquiries = await db
    .selectFrom('inquiries')
    .select(['identification_tool', 'status'])
    .where('housing_area_id', '=', area.id)
    .execute();
  const analyses = await db
    .selectFrom('area_analyses')
    .select('content')
    .where('area_id', '=', area.id)
    .execute();
  const plans = await db
    .selectFrom('area_action_plans')
    .select(['status', 'goals'])
    .where('area_id', '=', area.id)
    .execute();
  const items = await db
    .selectFrom('implementation_items')
    .select(['item_key', 'status'])
    .where('municipality_code', '=', DEMO_MUNICIPALITY_CODE)
    .execute();
  return {
    area,
    parts,
    partners,
    rounds,
    connectors,
    interventions,
    inquiries,
    analyses,
    plans,
    items,
  };
}

it('seeds the housing-area model on Nørrevang with the demo, and nothing twice', async () => {
  const db = t.database.db;
  await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  const first = await snapshot();
  expect(first.area.cadence).toBe('quarterly');
  expect(first.area.team_forum_id).not.toBeNull();
  expect(first.parts.filter((p) => p.level === 'zone')).toHaveLength(3);
  expect(first.parts.map((p) => p.name)).toContain('Kælderen i blok 4');
  expect(first.partners).toEqual([{ username: 'demo.boligsocial', sees_overview: true }]);
  expect(first.rounds).toEqual([
    { number: 1, status: 'systematised' },
    { number: 2, status: 'systematised' },
    { number: 3, status: 'open' },
  ]);
  expect(first.connectors.map((c) => c.label)).toEqual(['Træner i bokseklubben']);
  expect(first.interventions).toEqual([
    {
      title: 'Kursus i tegn på radikalisering for frontpersonale',
      kind: 'upskilling',
      planned_participants: 25,
    },
    {
      title: 'Temaaften om bekymringstegn for foreningerne',
      kind: 'area_civil_society',
      planned_participants: 30,
    },
  ]);
  expect(first.inquiries).toEqual([{ identification_tool: '4a', status: 'received' }]);
  expect(first.analyses).toHaveLength(1);
  expect(first.analyses[0]?.content).toMatchObject({ connectorIds: [first.connectors[0]?.id] });
  expect(first.plans.map((p) => p.status)).toEqual(['approved']);
  // The plan's goal keeps the connector's text (from the systematised round 2) with it.
  const goals0 = first.plans[0]?.goals as { connectors?: { label: string }[] }[];
  expect(goals0[0]?.connectors?.map((c) => c.label)).toEqual(['Træner i bokseklubben']);
  const goals = await countAreaPlanGoalsByArea(db, DEMO_MUNICIPALITY_CODE, [first.area.id]);
  expect(goals.get(first.area.id)).toMatchObject({ total: 3 });
  expect(first.items.filter((i) => i.status === 'in_place').length).toBeGreaterThanOrEqual(3);

  await seedDemoHousingAreaModel(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
  expect(await snapshot()).toEqual(first);
});
