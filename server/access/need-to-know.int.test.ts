import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { callerIn, createTeam, logInAll, membersOf, newMember } from '../test/case-team.ts';
import { createCase, createPerson, createPoliceContact, type Client } from '../test/records.ts';
import { createUser, type TestUser } from '../test/users.ts';
import type { Role } from './roles.ts';

/**
 * Need-to-know (docs/SECURITY.md): a case and its persons are visible to the case's members
 * only, within their scope. Everyone else gets exactly the answer of an id that does not exist,
 * and lists leave no trace of the record.
 */
const CPR = '140310-9377';

let t: TestApp;
const as: Record<string, Client> = {};
const users: Record<string, TestUser> = {};
let caseA: { id: string; reference: string };
let caseB: { id: string; reference: string };
let ownCase: { id: string; reference: string };
let citizen: { id: string; name: string };
let parent: { id: string; name: string };
let other: { id: string; name: string };

const MEMBERS = ['coordinator', 'forum', 'member', 'mentor', 'police'] as const;
const FULL_SCOPE = ['coordinator', 'forum', 'member', 'police'] as const;
/** Non-members whose role handles personal data: need-to-know answers 404. */
const OUTSIDERS = ['coordinatorOut', 'caseworkerOut', 'coordinator147'] as const;
/** Roles without personal data: the policy answers 403, for a real id as for a random one. */
const NO_PERSONAL_DATA = ['municipalAdmin', 'systemAdmin', 'dataProtection'] as const;

async function add(name: string, roles: Role[], municipalityCode: string | null = '101') {
  users[name] = await createUser(t.database.db, { roles, municipalityCode });
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const team = await createTeam(db, ['coordinator', 'forum', 'member', 'mentor']);
  Object.assign(users, team);
  await add('coordinatorOut', ['coordinator']);
  await add('caseworkerOut', ['caseworker']);
  await add('municipalAdmin', ['municipal_admin']);
  await add('systemAdmin', ['system_admin'], null);
  await add('dataProtection', ['data_protection']);
  await add('coordinator147', ['coordinator'], '147');
  users.police = await createPoliceContact(db, 11);
  citizen = await createPerson(db, { givenName: 'Zeynep', familyName: 'Kvistgaard', cpr: CPR });
  parent = await createPerson(db, { givenName: 'Hafsa', familyName: 'Kvistgaard' });
  other = await createPerson(db, { municipalityCode: '147', givenName: 'Anders' });
  const id = (name: string) => users[name]?.id ?? '';
  caseA = await createCase(db, {
    persons: [{ id: citizen.id }, { id: parent.id }],
    members: [...membersOf(team), { userId: id('police'), role: 'member' }],
  });
  caseB = await createCase(db, {
    municipalityCode: '147',
    persons: [{ id: other.id }],
    members: [{ userId: id('coordinator147'), role: 'coordinator' }],
  });
  ownCase = await createCase(db, {
    persons: [{ id: (await createPerson(db)).id }],
    members: [{ userId: id('coordinatorOut'), role: 'coordinator' }],
  });
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const caller = (name: string): Client => callerIn(as, name);

/** Status and error body without the request id, to compare two answers. */
function shape(res: { statusCode: number; json(): unknown }) {
  const body = res.json() as { error?: Record<string, unknown> };
  return { status: res.statusCode, error: { ...body.error, requestId: undefined } };
}

/** The body with ids and timestamps removed, where four digits could appear by chance. */
function withoutIds(body: string): string {
  return body
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '')
    .replace(/\d{4}-\d{2}-\d{2}(T[0-9:.]+Z)?/g, '');
}

async function listedIds(name: string): Promise<string[]> {
  const res = await caller(name).get('/api/cases');
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: { id: string }[] }).items.map((i) => i.id);
}

describe(`need-to-know (${testEngine})`, () => {
  it('members read the case; everyone else gets the answer of an id that does not exist', async () => {
    for (const name of MEMBERS) {
      const res = await caller(name).get(`/api/cases/${caseA.id}`);
      expect(res.statusCode, name).toBe(200);
      expect((res.json() as { reference: string }).reference).toBe(caseA.reference);
    }
    for (const name of [...OUTSIDERS, ...NO_PERSONAL_DATA]) {
      for (const lang of ['da', 'en']) {
        const headers = { 'accept-language': lang };
        const real = await caller(name).get(`/api/cases/${caseA.id}`, headers);
        const none = await caller(name).get(`/api/cases/${randomUUID()}`, headers);
        const want = (OUTSIDERS as readonly string[]).includes(name) ? 404 : 403;
        expect(real.statusCode, name).toBe(want);
        expect(shape(real), name).toEqual(shape(none));
        expect(real.body).not.toContain(caseA.reference);
      }
    }
  });

  it('lists never show a case to a non-member, and its count is unaffected', async () => {
    for (const name of MEMBERS) expect(await listedIds(name), name).toEqual([caseA.id]);
    expect(await listedIds('coordinatorOut')).toEqual([ownCase.id]);
    expect(await listedIds('caseworkerOut')).toEqual([]);
    expect(await listedIds('coordinator147')).toEqual([caseB.id]);
    for (const name of NO_PERSONAL_DATA) {
      expect((await caller(name).get('/api/cases')).statusCode, name).toBe(403);
    }
  });

  it('an intervention-scoped mentor sees the case but none of its persons', async () => {
    const res = await caller('mentor').get(`/api/cases/${caseA.id}`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { persons: unknown[]; access: { scope: string } };
    expect(body.persons).toEqual([]);
    expect(body.access.scope).toBe('intervention');
    expect(res.body).not.toContain('Kvistgaard');
    const list = (await caller('mentor').get('/api/cases')).json() as {
      items: { citizen: unknown }[];
    };
    expect(list.items.map((i) => i.citizen)).toEqual([null]);
    for (const person of [citizen, parent]) {
      const read = await caller('mentor').get(`/api/persons/${person.id}`);
      expect(shape(read)).toEqual(
        shape(await caller('mentor').get(`/api/persons/${randomUUID()}`)),
      );
      expect(read.statusCode).toBe(404);
    }
  });

  it('full-scope members read a person with the CPR number masked; others get 404', async () => {
    for (const name of FULL_SCOPE) {
      const res = await caller(name).get(`/api/persons/${citizen.id}`);
      expect(res.statusCode, name).toBe(200);
      const body = res.json() as { cprMasked: string; cases: { id: string }[] };
      expect(body.cprMasked).toBe('140310-XXXX');
      expect(body.cprMasked).toMatch(/^\d{6}-XXXX$/);
      expect(body.cases.map((c) => c.id)).toEqual([caseA.id]);
      expect(withoutIds(res.body)).not.toContain('9377');
    }
    for (const name of OUTSIDERS) {
      const res = await caller(name).get(`/api/persons/${citizen.id}`);
      expect(res.statusCode, name).toBe(404);
      expect(shape(res), name).toEqual(
        shape(await caller(name).get(`/api/persons/${randomUUID()}`)),
      );
      expect(res.body).not.toContain('Zeynep');
    }
    for (const name of NO_PERSONAL_DATA) {
      expect((await caller(name).get(`/api/persons/${citizen.id}`)).statusCode, name).toBe(403);
    }
  });

  it('records of another municipality are never visible', async () => {
    for (const name of ['coordinator', 'member', 'police', 'coordinatorOut']) {
      expect((await caller(name).get(`/api/cases/${caseB.id}`)).statusCode, name).toBe(404);
      expect((await caller(name).get(`/api/persons/${other.id}`)).statusCode, name).toBe(404);
      expect(await listedIds(name), name).not.toContain(caseB.id);
    }
    expect((await caller('coordinator147').get(`/api/cases/${caseA.id}`)).statusCode).toBe(404);
    expect((await caller('coordinator147').get(`/api/persons/${citizen.id}`)).statusCode).toBe(404);
    expect((await caller('coordinator147').get(`/api/persons/${other.id}`)).statusCode).toBe(200);
  });

  it('a change of membership or roles takes effect on the next request', async () => {
    const db = t.database.db;
    const { user, as: c } = await newMember(t, caseA.id, ['caseworker']);
    expect((await c.get(`/api/cases/${caseA.id}`)).statusCode).toBe(200);
    expect((await c.get(`/api/persons/${citizen.id}`)).statusCode).toBe(200);
    await db
      .updateTable('case_members')
      .set({ scope: 'intervention' })
      .where('case_id', '=', caseA.id)
      .where('user_id', '=', user.id)
      .execute();
    expect((await c.get(`/api/persons/${citizen.id}`)).statusCode).toBe(404);
    await db
      .deleteFrom('case_members')
      .where('case_id', '=', caseA.id)
      .where('user_id', '=', user.id)
      .execute();
    expect((await c.get(`/api/cases/${caseA.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/persons/${citizen.id}`)).statusCode).toBe(404);
    expect((await c.get('/api/cases')).json()).toEqual({ items: [], nextCursor: null });
    await db
      .insertInto('case_members')
      .values({ case_id: caseA.id, user_id: user.id, role: 'member', scope: 'full' })
      .execute();
    expect((await c.get(`/api/cases/${caseA.id}`)).statusCode).toBe(200);
    await db
      .updateTable('users')
      .set({ roles: ['analyst'] })
      .where('id', '=', user.id)
      .execute();
    expect((await c.get(`/api/cases/${caseA.id}`)).statusCode).toBe(403);
  });

  it('a disabled user gets 401', async () => {
    const db = t.database.db;
    const { user, as: c } = await newMember(t, caseA.id, ['caseworker']);
    expect((await c.get(`/api/cases/${caseA.id}`)).statusCode).toBe(200);
    await db
      .updateTable('users')
      .set({ disabled_at: sql`now()` })
      .where('id', '=', user.id)
      .execute();
    for (const url of [`/api/cases/${caseA.id}`, '/api/cases', `/api/persons/${citizen.id}`]) {
      const res = await c.get(url);
      expect(res.statusCode, url).toBe(401);
      expect(res.body).not.toContain('Zeynep');
    }
  });
});
