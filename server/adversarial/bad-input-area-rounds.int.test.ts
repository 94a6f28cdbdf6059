import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { createUser, login } from '../test/users.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { createArea } from '../modules/area-rounds/area-rounds.fixtures.ts';

/**
 * Generated bad input for the mapping rounds of a housing area (issue 16 part 2), sent by the
 * municipality's coordinator (a forum manager, so `manageRounds` and `contribute`).
 */
let t: TestApp;
let run: BadInputRun;
let area: { id: string; zoneId: string };
let startArea: { id: string };
let closedArea: { id: string };
let doneArea: { id: string };
const roundId = randomUUID();
const closedRoundId = randomUUID();
const doneRoundId = randomUUID();
const contributionId = randomUUID();
const doomedId = randomUUID();

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const made = (teamMembers: string[] = []) =>
    createArea(db, { createdBy: coordinator.id, teamMembers });
  area = await made();
  startArea = await made();
  closedArea = await made();
  doneArea = await made();
  const today = danishToday(new Date());
  const round = (id: string, areaId: string, status: 'open' | 'closed' | 'systematised') => ({
    id,
    municipality_code: '101',
    area_id: areaId,
    number: 1,
    status,
    due_on: today,
    opened_by: coordinator.id,
  });
  await db
    .insertInto('area_rounds')
    .values([
      round(roundId, area.id, 'open'),
      round(closedRoundId, closedArea.id, 'closed'),
      round(doneRoundId, doneArea.id, 'systematised'),
    ])
    .execute();
  const contribution = (id: string) => ({
    id,
    municipality_code: '101',
    round_id: roundId,
    contributor_id: coordinator.id,
    stance: 'challenge' as const,
    category: 'place',
    label: 'Kælderen i blok 4',
  });
  await db
    .insertInto('area_round_contributions')
    .values([contribution(contributionId), contribution(doomedId)])
    .execute();
  await db
    .insertInto('area_round_overviews')
    .values({
      round_id: doneRoundId,
      municipality_code: '101',
      items: '[]',
      created_by: coordinator.id,
      updated_by: coordinator.id,
    })
    .execute();
  run = new BadInputRun(t, await login(t.app, coordinator));
});
afterAll(async () => {
  printCounts(run.report(`area rounds (${testEngine})`));
  await t.close();
});

const db = () => t.database.db;
const item = () => ({
  key: 'place|area|kælderen',
  partId: null,
  category: 'place',
  stance: 'challenge',
  sign: null,
  label: 'Kælderen',
  description: 'Unge samles om aftenen.',
  howToReach: null,
  sameAs: null,
});
const contributionBody = () => ({
  partId: area.zoneId,
  stance: 'resource',
  category: 'positive_connector',
  sign: null,
  label: 'Træner i bokseklubben',
  description: 'Har de unges tillid.',
  howToReach: 'Via klubbens formand',
});

const base = '/api/housing-areas/{areaId}/rounds';
const fixtures: Record<string, () => Fixture> = {
  [`POST ${base}`]: () => ({
    params: { areaId: startArea.id },
    body: () => ({
      id: randomUUID(),
      heldOn: null,
      participants: 'SSP-konsulent',
      meetingId: null,
    }),
  }),
  [`PATCH ${base}/{roundId}`]: () => ({
    params: { areaId: area.id, roundId },
    body: async () => ({
      version: await versionOf(db(), 'area_rounds', roundId),
      heldOn: danishToday(new Date()),
      participants: 'Boligsocial medarbejder',
      meetingId: null,
    }),
  }),
  [`POST ${base}/{roundId}/contributions`]: () => ({
    params: { areaId: area.id, roundId },
    body: () => ({ id: randomUUID(), ...contributionBody() }),
  }),
  [`PUT ${base}/{roundId}/contributions/{contributionId}`]: () => ({
    params: { areaId: area.id, roundId, contributionId },
    body: async () => ({
      version: await versionOf(db(), 'area_round_contributions', contributionId),
      ...contributionBody(),
    }),
  }),
  [`DELETE ${base}/{roundId}/contributions/{contributionId}`]: () => ({
    params: { areaId: area.id, roundId, contributionId: doomedId },
  }),
  [`POST ${base}/{roundId}/close`]: () => ({
    params: { areaId: area.id, roundId },
    body: async () => ({ version: await versionOf(db(), 'area_rounds', roundId) }),
  }),
  [`POST ${base}/{roundId}/overview`]: () => ({
    params: { areaId: closedArea.id, roundId: closedRoundId },
    body: async () => ({
      version: await versionOf(db(), 'area_rounds', closedRoundId),
      items: [item()],
    }),
  }),
  [`PUT ${base}/{roundId}/overview`]: () => ({
    params: { areaId: doneArea.id, roundId: doneRoundId },
    body: async () => ({
      version: (
        await db()
          .selectFrom('area_round_overviews')
          .select('version')
          .where('round_id', '=', doneRoundId)
          .executeTakeFirstOrThrow()
      ).version,
      items: [item()],
    }),
  }),
};

describe(`generated bad input: area rounds (${testEngine})`, () => {
  badInputTests({ group: 'area-rounds', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
