import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { addDays } from '../modules/follow-ups/schedule.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { client, createCase, createPerson } from '../test/records.ts';
import { createUser, login, type LoggedIn } from '../test/users.ts';

/**
 * Generated bad input to partner access (issue 13): the case team's invitations (invite, change,
 * end), the partner's contribution and the new partner's password. No 5xx, every 400 names its
 * field, nothing stored on a rejection.
 */
let t: TestApp;
let run: BadInputRun;
let coordinator: LoggedIn;
let partner: LoggedIn;
let caseId = '';
let organisationId = '';
let accessId = '';

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinatorUser = await createUser(db, { roles: ['coordinator'] });
  const partnerUser = await createUser(db, { roles: ['partner'] });
  const citizen = await createPerson(db);
  caseId = (
    await createCase(db, {
      persons: [{ id: citizen.id }],
      members: [{ userId: coordinatorUser.id, role: 'coordinator' }],
    })
  ).id;
  organisationId = (
    await db
      .insertInto('partner_organisations')
      .values({ municipality_code: '101', name: 'Psykiatrien Øst', kind: 'psychiatry' })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await db
    .insertInto('partner_users')
    .values({ user_id: partnerUser.id, municipality_code: '101', organisation_id: organisationId })
    .execute();
  coordinator = await login(t.app, coordinatorUser);
  partner = await login(t.app, partnerUser);
  const res = await client(t.app, coordinator).post(`/api/cases/${caseId}/partner-access`, {
    id: randomUUID(),
    organisationId,
    partnerUserId: partnerUser.id,
    parts: ['overview', 'contributions'],
    legalBasis: 'rpl_115_psp',
    purpose: 'Samarbejde i PSP',
    endsOn: addDays(danishToday(new Date()), 60),
  });
  if (res.statusCode !== 201) throw new Error(`invitation: ${res.body}`);
  accessId = (res.json() as { id: string }).id;
  run = new BadInputRun(t, coordinator);
});
afterAll(async () => {
  printCounts(run.report(`partner access (${testEngine})`));
  await t.close();
});

const version = () => versionOf(t.database.db, 'case_partner_access', accessId);
const endsOn = () => addDays(danishToday(new Date()), 30);

const fixtures: Record<string, () => Fixture> = {
  'POST /api/cases/{id}/partner-access': () => ({
    params: { id: caseId },
    body: () => ({
      id: randomUUID(),
      organisationId,
      newPartner: { name: 'Ny Partner', email: `ny.${randomUUID().slice(0, 8)}@psyk.example` },
      parts: ['overview'],
      legalBasis: 'rpl_115_psp',
      purpose: 'Samarbejde i PSP',
      endsOn: endsOn(),
    }),
  }),
  'PUT /api/cases/{id}/partner-access/{accessId}': () => ({
    params: { id: caseId, accessId },
    body: async () => ({
      version: await version(),
      parts: ['overview', 'contributions'],
      goalKeys: [],
      interventionIds: [],
      endsOn: endsOn(),
      reason: 'Kortere forløb',
    }),
  }),
  'POST /api/cases/{id}/partner-access/{accessId}/end': () => ({
    params: { id: caseId, accessId },
    // A valid end is sent last of all by nobody: an empty reason keeps the access for the others.
    body: async () => ({ version: await version(), reason: '' }),
  }),
  'POST /api/partner/cases/{caseId}/contributions': () => ({
    as: partner,
    params: { caseId },
    body: () => ({ text: 'Borgeren mødte op.' }),
  }),
  'POST /api/partner-activation': () => ({
    as: null,
    count: 8,
    body: () => ({ token: 'x'.repeat(43), password: 'en-lang-nok-adgangskode-2026' }),
  }),
};

describe(`generated bad input: partner access (${testEngine})`, () => {
  badInputTests({ group: 'partners', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
