import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { createUser, login } from '../test/users.ts';
import { createArea } from '../modules/area-work/area-work.fixtures.ts';

/**
 * Generated bad input for the area work (issue 16 parts 3 and 5): the identification forms and
 * the area interventions, sent by the municipality's coordinator (a forum manager of the area).
 */
let t: TestApp;
let run: BadInputRun;
let areaId: string;
const interventionId = randomUUID();

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  areaId = await createArea(db, { createdBy: coordinator.id, teamForumId: null });
  await db
    .insertInto('area_interventions')
    .values({
      id: interventionId,
      municipality_code: '101',
      area_id: areaId,
      kind: 'upskilling',
      title: 'Kursus',
      created_by: coordinator.id,
    })
    .execute();
  run = new BadInputRun(t, await login(t.app, coordinator));
});
afterAll(async () => {
  printCounts(run.report(`area work (${testEngine})`));
  await t.close();
});

const version = () => versionOf(t.database.db, 'area_interventions', interventionId);

const fixtures: Record<string, () => Fixture> = {
  'POST /api/housing-areas/{id}/identifications': () => ({
    params: { id: areaId },
    body: () => ({
      id: randomUUID(),
      tool: '4a',
      person: { givenName: 'Ali', familyName: 'Testesen', birthDate: '2013-05-01', age: null },
      relation: 'younger_sibling',
      signs: ['withdraws_from_peers'],
      observation: 'Har trukket sig fra holdet.',
      resources: 'Klubben',
      contact: 'Klubmedarbejderen',
    }),
  }),
  'POST /api/housing-areas/{id}/interventions': () => ({
    params: { id: areaId },
    body: () => ({
      id: randomUUID(),
      kind: 'upskilling',
      title: 'Temadag',
      description: 'Om bekymringstegn.',
      targetGroup: 'Frontpersonale',
      startsOn: '2026-11-01',
      endsOn: '2026-11-02',
      plannedParticipants: 25,
      actualParticipants: 20,
      connectorIds: [],
      nextFollowUpOn: '2026-12-01',
    }),
  }),
  'PUT /api/housing-areas/{id}/interventions/{interventionId}': () => ({
    params: { id: areaId, interventionId },
    body: async () => ({ version: await version(), title: 'Kursus for frontpersonale' }),
  }),
  'POST /api/housing-areas/{id}/interventions/{interventionId}/follow-ups': () => ({
    params: { id: areaId, interventionId },
    body: async () => ({
      id: randomUUID(),
      version: await version(),
      on: '2026-11-20',
      note: 'Godt fremmøde.',
      nextFollowUpOn: '2027-01-10',
    }),
  }),
  'POST /api/housing-areas/{id}/interventions/{interventionId}/status': () => ({
    params: { id: areaId, interventionId },
    body: async () => ({ version: await version(), status: 'active' }),
  }),
};

describe(`generated bad input: area work (${testEngine})`, () => {
  badInputTests({ group: 'area-work', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
