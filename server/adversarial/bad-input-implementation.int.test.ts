import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { createUser, login } from '../test/users.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { addDays } from '../modules/follow-ups/schedule.ts';

/**
 * Generated bad input for the implementation follow-up and the self-profile (issue 16 part 6),
 * sent by the municipality's coordinator.
 */
let t: TestApp;
let run: BadInputRun;

beforeAll(async () => {
  t = await startTestApp();
  const coordinator = await createUser(t.database.db, { roles: ['coordinator'] });
  run = new BadInputRun(t, await login(t.app, coordinator));
});
afterAll(async () => {
  printCounts(run.report(`implementation (${testEngine})`));
  await t.close();
});

const version = async () =>
  (
    await t.database.db
      .selectFrom('implementation_items')
      .select('version')
      .where('item_key', '=', 'leadership_anchoring')
      .executeTakeFirst()
  )?.version ?? 0;

const latestProfile = async () =>
  (
    await t.database.db
      .selectFrom('implementation_profiles')
      .select((eb) => eb.fn.max('number').as('n'))
      .executeTakeFirst()
  )?.n ?? 0;

const fixtures: Record<string, () => Fixture> = {
  'PUT /api/implementation/items/{key}': () => ({
    params: { key: 'leadership_anchoring' },
    body: async () => ({
      status: 'under_way',
      notRelevantReason: null,
      responsibleUserId: null,
      responsibleText: 'Styregruppen',
      evidence: 'Referat 3/9',
      nextReviewOn: addDays(danishToday(new Date()), 30),
      version: await version(),
    }),
  }),
  'POST /api/implementation/reviews': () => ({
    body: () => ({
      id: randomUUID(),
      reviewedOn: danishToday(new Date()),
      conclusion: 'Godt i gang',
      nextReviewOn: addDays(danishToday(new Date()), 60),
    }),
  }),
  'POST /api/implementation/profile': () => ({
    body: async () => ({
      basedOn: await latestProfile(),
      answers: {
        strategy: 'adopted',
        strategyNote: null,
        workflows: 'partly',
        workflowsNote: null,
        anchoredIn: 'ssp',
        anchoredNote: null,
        actors: ['ssp', 'police'],
        groups: [],
        adHocActors: null,
        notes: null,
      },
    }),
  }),
};

describe(`generated bad input: implementation (${testEngine})`, () => {
  badInputTests({ group: 'implementation', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
