import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { RISK_ITEMS } from '../../shared/citizen-meetings.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import { startTestApp, type TestApp } from '../test/app.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { versionOf } from '../test/case-workbench.ts';
import { testEngine } from '../test/database.ts';
import {
  client,
  createCase,
  createInquiryRow,
  createPerson,
  type Client,
} from '../test/records.ts';
import { createUser, login } from '../test/users.ts';

/**
 * Generated bad input (issue 10) for meeting the citizen (issue 15 parts 1–4): contact attempts,
 * a meeting prepared, its preparation changed, held and reflected on — on a case and on an
 * inquiry being assessed, sent by their coordinator.
 */
let t: TestApp;
let run: BadInputRun;
let caseId = '';
let inquiryId = '';
const meetings: Record<string, string> = {};

const riskCheck = () => RISK_ITEMS.map((item) => ({ item, answer: 'no', note: null }));
const preparation = () => ({
  purpose: 'clarify_concern',
  agenda: 'Skolen og vennerne.',
  place: 'Biblioteket',
  riskCheck: riskCheck(),
});

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  const session = await login(t.app, coordinator);
  const person = await createPerson(db);
  caseId = (
    await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    })
  ).id;
  inquiryId = (await createInquiryRow(db, { createdBy: coordinator.id, persons: [person.id] })).id;
  const c: Client = client(t.app, session);
  for (const [key, base] of [
    ['case', `/api/cases/${caseId}`],
    ['inquiry', `/api/inquiries/${inquiryId}`],
  ] as const) {
    for (const step of ['prep', 'held'] as const) {
      const id = randomUUID();
      const res = await c.post(`${base}/citizen-meetings`, { id, ...preparation() });
      if (res.statusCode !== 201) throw new Error(`meeting: ${res.body}`);
      if (step === 'held') {
        const held = await c.put(`${base}/citizen-meetings/${id}/held`, {
          version: 1,
          heldOn: danishToday(new Date()),
        });
        if (held.statusCode !== 200) throw new Error(`held: ${held.body}`);
      }
      meetings[`${key}-${step}`] = id;
    }
  }
  run = new BadInputRun(t, session);
});

afterAll(async () => {
  printCounts(run.report(`citizen meetings (${testEngine})`));
  await t.close();
});

const version = (id: string) => versionOf(t.database.db, 'citizen_meetings', id);
const today = () => danishToday(new Date());

function fixturesFor(kind: 'case' | 'inquiry'): Record<string, () => Fixture> {
  const path = kind === 'case' ? '/api/cases/{id}' : '/api/inquiries/{id}';
  const id = () => (kind === 'case' ? caseId : inquiryId);
  const prep = () => meetings[`${kind}-prep`] ?? '';
  const held = () => meetings[`${kind}-held`] ?? '';
  return {
    [`POST ${path}/contact-attempts`]: () => ({
      params: { id: id() },
      body: () => ({
        id: randomUUID(),
        attemptedOn: today(),
        channel: 'bridge_builder',
        bridgeBuilder: 'Hendes moster',
        outcome: 'refused',
        nextStep: 'Prøv igen via skolen',
        nextOn: today(),
        nextBy: null,
      }),
    }),
    [`POST ${path}/citizen-meetings`]: () => ({
      params: { id: id() },
      body: () => ({ id: randomUUID(), ...preparation() }),
    }),
    [`PUT ${path}/citizen-meetings/{meetingId}/preparation`]: () => ({
      params: { id: id(), meetingId: prep() },
      body: async () => ({ version: await version(prep()), ...preparation() }),
    }),
    [`PUT ${path}/citizen-meetings/{meetingId}/held`]: () => ({
      params: { id: id(), meetingId: prep() },
      body: async () => ({
        version: await version(prep()),
        heldOn: today(),
        summary: 'Vi talte om skolen.',
        lifeline: { who: 'Mentor', phone: '12345678' },
      }),
    }),
    [`PUT ${path}/citizen-meetings/{meetingId}/reflection`]: () => ({
      params: { id: id(), meetingId: held() },
      body: async () => ({ version: await version(held()), worked: 'Stedet.' }),
    }),
  };
}

const fixtures: Record<string, () => Fixture> = {
  ...fixturesFor('case'),
  ...fixturesFor('inquiry'),
};

describe(`generated bad input: meeting the citizen (${testEngine})`, () => {
  badInputTests({ group: 'citizen-meetings', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
