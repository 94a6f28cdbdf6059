import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { client, createPerson, type Client } from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';

/**
 * The transfer tests' world: three municipalities — A (101 København) and B (147 Frederiksberg),
 * both in Københavns Politi's district, and C (751 Aarhus) in another — with a coordinator in
 * each, a hotline employee and a forum member in A, and the data-protection role of A.
 */
export const A = '101';
export const B = '147';
export const C = '751';

export let t: TestApp;
export const as: Record<string, Client> = {};
export const users: Record<string, TestUser> = {};

export function useTransferWorld() {
  beforeAll(async () => {
    // Files of a worker share this module: start from no users, or the last file's would be
    // logged in here against a database that does not hold them.
    for (const name of Object.keys(users)) delete users[name];
    for (const name of Object.keys(as)) delete as[name];
    t = await startTestApp();
    const db = t.database.db;
    users.coordA = await createUser(db, { roles: ['coordinator'], municipalityCode: A });
    users.coordA2 = await createUser(db, { roles: ['coordinator'], municipalityCode: A });
    users.coordB = await createUser(db, { roles: ['coordinator'], municipalityCode: B });
    users.coordC = await createUser(db, { roles: ['coordinator'], municipalityCode: C });
    users.hotline = await createUser(db, { roles: ['hotline'], municipalityCode: A });
    users.forumA = await createUser(db, { roles: ['forum_member'], municipalityCode: A });
    users.dpoA = await createUser(db, { roles: ['data_protection'], municipalityCode: A });
    users.caseworkerB = await createUser(db, { roles: ['caseworker'], municipalityCode: B });
    for (const [name, user] of Object.entries(users)) {
      as[name] = client(t.app, await login(t.app, user));
    }
  });
  afterAll(() => t.close());
}

/** A person of a municipality with a CPR number, for the copies. */
export async function citizenOf(municipalityCode: string, cpr = '1403101234') {
  return createPerson(t.database.db, {
    municipalityCode,
    givenName: 'Flytte',
    familyName: 'Borgersen',
    cpr,
  });
}
