import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { callerIn, logInAll } from '../test/case-team.ts';
import {
  createCase,
  createForum,
  createPerson,
  type Client,
  type ErrorBody,
} from '../test/records.ts';
import { createUser, type TestUser } from '../test/users.ts';

/**
 * A security review of the record routes, as tests: no record crosses a municipality through a
 * forum, pickers and duplicate checks answer only what they must, notifications vanish with the
 * access to their record, every request body is strict, bad input is a 400 (never a 500 that
 * logs the input), and neither a CPR number nor a name reaches the logs or a URL.
 */

export const CPR = '140310-4821';
export const CPR_DIGITS = '1403104821';

export let t: TestApp;
export const users: Record<string, TestUser> = {};
export const as: Record<string, Client> = {};
export let forum101: { id: string };
export let forum147: { id: string };
export let person: { id: string; name: string };

export const caller = (name: string): Client => callerIn(as, name);
export const id = (name: string) => users[name]?.id ?? '';

export const fieldsOf = (res: { json(): unknown }) =>
  ((res.json() as ErrorBody).error.fields ?? []).map((f) => f.field);

/** The app, users and records these tests share: set up once per test file. */
export function useLeakReviewFixtures() {
  beforeAll(async () => {
    // Files of a worker share this module: start from no users, or the last file's would be
    // logged in here against a database that does not hold them.
    for (const name of Object.keys(users)) delete users[name];
    for (const name of Object.keys(as)) delete as[name];
    t = await startTestApp();
    const db = t.database.db;
    users.coordinator = await createUser(db, { roles: ['coordinator'] });
    users.forum = await createUser(db, { roles: ['forum_member'] });
    users.admin = await createUser(db, { roles: ['municipal_admin'] });
    users.hotline = await createUser(db, { roles: ['hotline'] });
    users.coordinator147 = await createUser(db, {
      roles: ['coordinator'],
      municipalityCode: '147',
    });
    users.forum147 = await createUser(db, { roles: ['forum_member'], municipalityCode: '147' });
    users.admin147 = await createUser(db, { roles: ['municipal_admin'], municipalityCode: '147' });
    forum101 = await createForum(db, { members: [id('forum')] });
    forum147 = await createForum(db, { municipalityCode: '147', members: [id('forum147')] });
    person = await createPerson(db);
    await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: id('coordinator'), role: 'coordinator' }],
    });
    await logInAll(t, users, as);
  });
  afterAll(() => t.close());
}
