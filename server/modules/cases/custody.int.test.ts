import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createCase, createPerson, fieldsOf, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * Custody (forældremyndighed) on a child's case (issue 12): the case's coordinator marks a parent
 * as holding custody, shown on the case and recorded in its chronology; a person in another role
 * is refused with a Danish message on the field and nothing changes; a plain member may not.
 */
let t: TestApp;
let theCase: { id: string };
let parent: { id: string };
let sibling: { id: string };
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator: TestUser = await createUser(db, { roles: ['coordinator'] });
  const member: TestUser = await createUser(db, { roles: ['caseworker'] });
  const child = await createPerson(db, { givenName: 'Emil', familyName: 'Holm' });
  parent = await createPerson(db, { givenName: 'Hanne', familyName: 'Holm' });
  sibling = await createPerson(db, { givenName: 'Ida', familyName: 'Holm' });
  theCase = await createCase(db, {
    persons: [
      { id: child.id },
      { id: parent.id, role: 'parent' },
      { id: sibling.id, role: 'sibling' },
    ],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: member.id, role: 'member' },
    ],
  });
  await logInAll(t, { coordinator, member }, as);
});
afterAll(() => t.close());

const custodyUrl = (personId: string) => `/api/cases/${theCase.id}/persons/${personId}/custody`;

async function theCaseNow() {
  const res = await callerIn(as, 'coordinator').get(`/api/cases/${theCase.id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    version: number;
    persons: { id: string; role: string; custodyHolder: boolean }[];
  };
}

async function events(): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('kind')
    .where('case_id', '=', theCase.id)
    .execute();
  return rows.map((r) => r.kind);
}

describe(`custody holders on a child's case (${testEngine})`, () => {
  it('marks a parent as holding custody, shown on the case and in its chronology', async () => {
    const before = await theCaseNow();
    const res = await callerIn(as, 'coordinator').post(custodyUrl(parent.id), {
      custodyHolder: true,
      version: before.version,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await theCaseNow();
    expect(after.version).toBe(before.version + 1);
    expect(after.persons.find((p) => p.id === parent.id)?.custodyHolder).toBe(true);
    expect((await events()).filter((k) => k === 'custody_changed')).toHaveLength(1);
  });

  it('refuses custody for a sibling with a Danish message, changing nothing', async () => {
    const before = await theCaseNow();
    const kinds = await events();
    const res = await callerIn(as, 'coordinator').post(custodyUrl(sibling.id), {
      custodyHolder: true,
      version: before.version,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.custodyHolder:custody_only_parent']);
    const message = (res.json() as { error: { fields: { message: string }[] } }).error.fields[0];
    expect(message?.message).toMatch(/^Kun en person med rollen forælder/);
    expect(await theCaseNow()).toEqual(before);
    expect(await events()).toEqual(kinds);
  });

  it('answers a stale version with 409 and a plain member with 403, changing nothing', async () => {
    const before = await theCaseNow();
    const stale = await callerIn(as, 'coordinator').post(custodyUrl(parent.id), {
      custodyHolder: false,
      version: before.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    const denied = await callerIn(as, 'member').post(custodyUrl(parent.id), {
      custodyHolder: false,
      version: before.version,
    });
    expect([403, 404]).toContain(denied.statusCode);
    expect(await theCaseNow()).toEqual(before);
  });
});
