import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  expectOneAudit,
  createCase,
  createPerson,
  createUnit,
  displayNameOf,
  type Client,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * The citizen's access report (GDPR art. 15): every access to the person's data with when, what,
 * purpose and unit, newest first. Employee names only for the municipality's data-protection
 * role; producing the report is itself audited.
 */
interface Entry {
  occurredAt: string;
  action: string;
  purpose: string | null;
  unitName: string | null;
  breakGlass: boolean;
  employeeName?: string;
}
interface Report {
  person: { id: string; name: string };
  employeeNamesShown: boolean;
  items: Entry[];
  nextCursor: string | null;
}

let t: TestApp;
let person: { id: string; name: string };
let theCase: { id: string; reference: string };
const units: Record<string, { id: string; name: string }> = {};
const users: Record<string, TestUser> = {};
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  units.ssp = await createUnit(db, { kind: 'ssp', name: 'SSP Nordvest' });
  units.family = await createUnit(db, { kind: 'social_family', name: 'Familieafdelingen Øst' });
  users.coordinator = await createUser(db, { roles: ['coordinator'] });
  users.caseworker = await createUser(db, { roles: ['caseworker'] });
  users.forum = await createUser(db, { roles: ['forum_member'] });
  users.outsider = await createUser(db, { roles: ['coordinator'] });
  users.dataProtection = await createUser(db, { roles: ['data_protection'] });
  users.dataProtection147 = await createUser(db, {
    roles: ['data_protection'],
    municipalityCode: '147',
  });
  person = await createPerson(db, { givenName: 'Ibrahim', familyName: 'Søndergaard' });
  theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: [
      { userId: users.coordinator.id, role: 'coordinator', unitId: units.ssp.id },
      { userId: users.caseworker.id, role: 'member', unitId: units.family.id },
      { userId: users.forum.id, role: 'forum' },
    ],
  });
  await logInAll(t, users, as);
  // Reads by different members, each in its own request.
  const reads: [string, string][] = [
    ['caseworker', `/api/persons/${person.id}`],
    ['forum', `/api/cases/${theCase.id}`],
    ['coordinator', `/api/cases/${theCase.id}`],
    ['caseworker', '/api/cases'],
    ['coordinator', `/api/persons/${person.id}`],
  ];
  for (const [name, url] of reads) expect((await caller(name).get(url)).statusCode).toBe(200);
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);

const reportUrl = (query = '') => `/api/persons/${person.id}/access-report${query}`;

async function report(name: string, query = '') {
  const res = await caller(name).get(reportUrl(query));
  expect(res.statusCode, res.body).toBe(200);
  return { res, body: res.json() as Report };
}

function newestFirst(items: Entry[]) {
  const times = items.map((i) => Date.parse(i.occurredAt));
  expect(times).toEqual([...times].sort((a, b) => b - a));
}

describe(`the citizen's access report (${testEngine})`, () => {
  it('a member coordinator sees what, why and which unit, newest first, without names', async () => {
    const { res, body } = await report('coordinator');
    expect(body.person).toMatchObject({ id: person.id, name: person.name });
    expect(body.employeeNamesShown).toBe(false);
    expect(res.body).not.toContain('"employeeName"');
    for (const user of Object.values(users)) {
      expect(res.body).not.toContain(await displayNameOf(t.database.db, user.id));
    }
    newestFirst(body.items);
    const summary = body.items.map((i) => [i.action, i.purpose, i.unitName, i.breakGlass]);
    expect(summary).toEqual([
      ['read', 'case_work', units.ssp?.name, false],
      ['search', 'case_list', units.family?.name, false],
      ['read', 'case_work', units.ssp?.name, false],
      ['read', 'case_work', null, false],
      ['read', 'case_work', units.family?.name, false],
    ]);
  });

  it("the municipality's data-protection role sees employee names too", async () => {
    const { body } = await report('dataProtection');
    expect(body.employeeNamesShown).toBe(true);
    const name = (key: string) => displayNameOf(t.database.db, users[key]?.id ?? '');
    // The newest entry is the coordinator's report above.
    expect(body.items.map((i) => [i.action, i.employeeName])).toEqual([
      ['export', await name('coordinator')],
      ['read', await name('coordinator')],
      ['search', await name('caseworker')],
      ['read', await name('coordinator')],
      ['read', await name('forum')],
      ['read', await name('caseworker')],
    ]);
    expect(body.items[0]?.purpose).toBe('access_report');
  });

  it('others get 404 (another municipality, not a member) or 403 (policy)', async () => {
    for (const name of ['dataProtection147', 'outsider']) {
      const res = await caller(name).get(reportUrl());
      expect(res.statusCode, name).toBe(404);
      expect(res.body).not.toContain('Søndergaard');
    }
    for (const name of ['caseworker', 'forum']) {
      expect((await caller(name).get(reportUrl())).statusCode, name).toBe(403);
    }
  });

  it('keyset pagination walks every entry once', async () => {
    const full = (await report('dataProtection', '?limit=500')).body.items;
    const walked: Entry[] = [];
    let after = '';
    for (let page = 0; page < 50; page += 1) {
      const { body } = await report('dataProtection', `?limit=2${after}`);
      expect(body.items.length).toBeLessThanOrEqual(2);
      walked.push(...body.items);
      if (!body.nextCursor) break;
      after = `&after=${body.nextCursor}`;
    }
    // The first page also holds the export entry of the full report just made; the pages' own
    // export entries are newer than the cursor and never appear.
    expect(walked[0]).toMatchObject({ action: 'export', purpose: 'access_report' });
    expect(walked.slice(1)).toEqual(full);
    newestFirst(walked);
  });

  it('a bad cursor is 400 naming query.after', async () => {
    for (const after of ['notacursor', Buffer.from('{"t":"x","id":"1"}').toString('base64url')]) {
      const res = await caller('coordinator').get(reportUrl(`?after=${after}`));
      expect(res.statusCode).toBe(400);
      const fields = (res.json() as { error: { fields: { field: string }[] } }).error.fields;
      expect(fields.map((f) => f.field)).toEqual(['query.after']);
    }
  });

  it("producing the report writes an 'export' audit entry", async () => {
    for (const name of ['coordinator', 'dataProtection']) {
      const { res, body } = await report(name);
      const entry = await expectOneAudit(t.database.db, res, {
        action: 'export',
        resource_type: 'access_report',
        resource_id: person.id,
        subject_person_id: person.id,
        actor_user_id: users[name]?.id,
        municipality_code: '101',
      });
      expect(entry.details).toMatchObject({
        entries: body.items.length,
        employeeNames: name === 'dataProtection',
      });
    }
  });
});
