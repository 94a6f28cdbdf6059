import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { client, createCase, createInquiryRow, createPerson } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for the work across municipalities (issue 13 part 5): forwarding
 * an inquiry, proposing a case transfer (a coordinator of 101), accepting and declining an
 * incoming transfer (a coordinator of 147).
 */
let t: TestApp;
let run: BadInputRun;
let receiver: LoggedIn;
let inquiryId = '';
let caseId = '';
let toAccept = '';
let toDecline = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'], municipalityCode: '101' });
  const other = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  const session = await login(t.app, coordinator);
  receiver = await login(t.app, other);
  const person = await createPerson(db, { municipalityCode: '101' });
  inquiryId = (await createInquiryRow(db, { createdBy: coordinator.id, persons: [person.id] })).id;
  const members = [{ userId: coordinator.id, role: 'coordinator' as const }];
  const newCase = () => createCase(db, { persons: [{ id: person.id }], members });
  caseId = (await newCase()).id;
  const c = client(t.app, session);
  const propose = async () => {
    const id = randomUUID();
    const res = await c.post(`/api/cases/${(await newCase()).id}/transfers`, {
      id,
      toMunicipalityCode: '147',
      reason: 'Borgeren flytter.',
      legalBasis: 'value_leap',
      parts: ['identity'],
    });
    if (res.statusCode !== 201) throw new Error(`propose: ${res.body}`);
    return id;
  };
  toAccept = await propose();
  toDecline = await propose();
  run = new BadInputRun(t, session);
});

afterAll(async () => {
  printCounts(run.report(`transfers (${testEngine})`));
  await t.close();
});

const version = (table: string, id: string) => versionOf(t.database.db, table, id);

const fixtures: Record<string, () => Fixture> = {
  'POST /api/inquiries/{id}/forward': () => ({
    params: { id: inquiryId },
    body: async () => ({
      id: randomUUID(),
      toMunicipalityCode: '147',
      reason: 'Borgeren bor der.',
      version: await version('inquiries', inquiryId),
    }),
  }),
  'POST /api/cases/{id}/transfers': () => ({
    params: { id: caseId },
    body: () => ({
      id: randomUUID(),
      toMunicipalityCode: '147',
      reason: 'Borgeren flytter.',
      legalBasis: 'value_leap',
      parts: ['identity', 'work_summary'],
    }),
  }),
  'POST /api/transfers/{id}/accept': () => ({
    as: receiver,
    params: { id: toAccept },
    body: async () => ({ version: await version('case_transfers', toAccept) }),
  }),
  'POST /api/transfers/{id}/decline': () => ({
    as: receiver,
    params: { id: toDecline },
    body: async () => ({
      version: await version('case_transfers', toDecline),
      reason: 'Borgeren er ikke flyttet.',
    }),
  }),
};

describe(`generated bad input: transfers (${testEngine})`, () => {
  badInputTests({ group: 'transfers', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
