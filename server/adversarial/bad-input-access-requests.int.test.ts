import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { client, createPerson } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for the citizens' access requests (issue 13 part 7): the
 * data-protection role registers, reviews an item, approves and releases; every rejection is a
 * 400 naming a field (or a 404/409) and stores nothing.
 */
let t: TestApp;
let run: BadInputRun;
let dpo: LoggedIn;
let personId = '';
let requestId = '';
let itemId = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  dpo = await login(t.app, await createUser(db, { roles: ['data_protection'] }));
  personId = (await createPerson(db)).id;
  const res = await client(t.app, dpo).post('/api/access-requests', {
    id: randomUUID(),
    kind: 'data_subject_access',
    personId,
    channel: 'letter',
    receivedOn: '2026-11-02',
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  const body = res.json() as { id: string; items: { id: string }[] };
  requestId = body.id;
  itemId = body.items[0]?.id ?? '';
  run = new BadInputRun(t, dpo);
});
afterAll(async () => {
  printCounts(run.report(`access requests (${testEngine})`));
  await t.close();
});

const itemVersion = () => versionOf(t.database.db, 'access_request_items', itemId);
const requestVersion = () => versionOf(t.database.db, 'access_requests', requestId);

const fixtures: Record<string, () => Fixture> = {
  'POST /api/access-requests': () => ({
    body: () => ({
      id: randomUUID(),
      kind: 'party_access',
      personId,
      channel: 'email',
      receivedOn: '2026-11-03',
      deadlineOn: '2026-11-12',
    }),
  }),
  'PUT /api/access-requests/{id}/items/{itemId}': () => ({
    params: { id: requestId, itemId },
    body: async () => ({
      decision: 'withhold',
      exemption: 'internal_working_papers',
      reason: 'Internt arbejdsdokument',
      version: await itemVersion(),
    }),
  }),
  'POST /api/access-requests/{id}/approve': () => ({
    params: { id: requestId },
    body: async () => ({ version: await requestVersion() }),
  }),
  'POST /api/access-requests/{id}/release': () => ({
    params: { id: requestId },
    body: async () => ({ version: await requestVersion() }),
  }),
};

describe(`generated bad input: access requests (${testEngine})`, () => {
  badInputTests({ group: 'access-requests', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
