import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { client } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';
import { createTestArea, type TestArea } from '../modules/area-plans/area-plans.fixtures.ts';

/**
 * Generated bad input for the area analysis and the area action plan (issue 16 part 4), sent by
 * a coordinator of the area's team; the approval by a second coordinator (four-eyes). Each plan
 * route has an area of its own, its plan in the state the route takes.
 */
let t: TestApp;
let run: BadInputRun;
let second: LoggedIn;
const areas: Record<string, TestArea> = {};
const plans: Record<string, string> = {};
let analysisId = '';
const goalKey = randomUUID();

const goal = (connectorId: string) => ({
  key: goalKey,
  title: 'Åben træning i bokseklubben',
  description: null,
  responsible: { role: 'Bokseklubbens formand' },
  dueOn: '2027-06-30',
  reviewOn: null,
  connectorIds: [connectorId],
});

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const author = await createUser(db, { roles: ['coordinator'] });
  const approver = await createUser(db, { roles: ['coordinator'] });
  const session = await login(t.app, author);
  second = await login(t.app, approver);
  const as = client(t.app, session);
  for (const name of ['analysis', 'draft', 'submitted', 'returned', 'approved', 'fresh']) {
    areas[name] = await createTestArea(db, {
      createdBy: author.id,
      team: [author.id, approver.id],
    });
  }
  const must = (res: { statusCode: number; body: string }, what: string) => {
    if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  };
  analysisId = randomUUID();
  must(
    await as.post(`/api/housing-areas/${areas.analysis!.id}/analyses`, { id: analysisId }),
    'analysis',
  );
  for (const name of ['draft', 'submitted', 'returned', 'approved']) {
    const area = areas[name]!;
    const id = randomUUID();
    plans[name] = id;
    const url = `/api/housing-areas/${area.id}/action-plans`;
    must(await as.post(url, { id }), 'plan');
    must(
      await as.put(`${url}/${id}`, {
        version: 1,
        reflection: { first: null, efforts: null, responsibility: null, connectors: null },
        goals: [goal(area.connectorId)],
      }),
      'save',
    );
    if (name === 'draft') continue;
    must(await as.post(`${url}/${id}/submit`, { version: 2 }), 'submit');
    if (name !== 'approved') continue;
    must(await client(t.app, second).post(`${url}/${id}/approve`, { version: 3 }), 'approve');
  }
  run = new BadInputRun(t, session);
});
afterAll(async () => {
  printCounts(run.report(`area analysis and action plan (${testEngine})`));
  await t.close();
});

const version = (table: string, id: string) => versionOf(t.database.db, table, id);
const planVersion = (name: string) => version('area_action_plans', plans[name]!);

/** In this order: a new analysis version makes the edited one an earlier version. */
const fixtures: Record<string, () => Fixture> = {
  'PUT /api/housing-areas/{id}/analyses/{analysisId}': () => ({
    params: { id: areas.analysis!.id, analysisId },
    body: async () => ({
      version: await version('area_analyses', analysisId),
      groups: [{ key: randomUUID(), label: 'Unge ved kiosken', description: null }],
      zoneIds: [areas.analysis!.zoneId],
      environments: null,
      connectorIds: [areas.analysis!.connectorId],
      areaSigns: ['vandalism_burglary'],
      groupSigns: [],
      summary: 'Utryghed om aftenen',
    }),
  }),
  'POST /api/housing-areas/{id}/analyses': () => ({
    params: { id: areas.analysis!.id },
    body: () => ({ id: randomUUID() }),
  }),
  'POST /api/housing-areas/{id}/action-plans': () => ({
    params: { id: areas.fresh!.id },
    body: () => ({ id: randomUUID() }),
  }),
  'PUT /api/housing-areas/{id}/action-plans/{planId}': () => ({
    params: { id: areas.draft!.id, planId: plans.draft! },
    body: async () => ({
      version: await planVersion('draft'),
      reflection: { first: 'Tryghed først', efforts: null, responsibility: null, connectors: null },
      goals: [goal(areas.draft!.connectorId)],
    }),
  }),
  'POST /api/housing-areas/{id}/action-plans/{planId}/send-back': () => ({
    as: second,
    params: { id: areas.returned!.id, planId: plans.returned! },
    body: async () => ({ version: await planVersion('returned'), comment: 'Tilføj en frist' }),
  }),
  'POST /api/housing-areas/{id}/action-plans/{planId}/approve': () => ({
    as: second,
    params: { id: areas.submitted!.id, planId: plans.submitted! },
    body: async () => ({ version: await planVersion('submitted') }),
  }),
  'POST /api/housing-areas/{id}/action-plans/{planId}/submit': () => ({
    params: { id: areas.draft!.id, planId: plans.draft! },
    body: async () => ({ version: await planVersion('draft') }),
  }),
  'POST /api/housing-areas/{id}/action-plans/{planId}/goals/{goalKey}/follow-ups': () => ({
    params: { id: areas.approved!.id, planId: plans.approved!, goalKey },
    body: () => ({
      id: randomUUID(),
      status: 'in_progress',
      note: 'Første aften holdt',
      recordedOn: '2026-12-01',
      nextReviewOn: null,
    }),
  }),
};

describe(`generated bad input: area analysis and action plan (${testEngine})`, () => {
  badInputTests({ group: 'area-plans', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
