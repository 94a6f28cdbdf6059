import { sql } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../access/roles.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callsByName, countOf, createPoliceContact, createUnit } from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';

/**
 * Forums through the real app: coordinators and municipal administrators manage the forums of
 * their own municipality (another municipality's forum answers 404, as a missing one); members
 * are active staff of the municipality or police staff of the district covering it, in a role
 * that may sit in a forum; names are unique per municipality; renaming uses optimistic locking;
 * every change writes its audit entry (ids only) in the same transaction.
 */
export let t: TestApp;
export const users: Record<string, TestUser> = {};
export const as: Record<string, LoggedIn> = {};

export const call = callsByName(() => t.app, as);

export { fieldsIn as fieldsOf, type ErrorBody } from '../../test/records.ts';

export async function auditRows(forumId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['action', 'resource_type', 'actor_user_id', 'actor_role', 'municipality_code'])
    .select('details')
    .where('resource_type', '=', 'forum')
    .where('resource_id', '=', forumId)
    .orderBy('id')
    .execute();
}

/** Forums, members and forum audit entries: to prove a refused request changed nothing. */
export async function state() {
  const count = (query: string) => countOf(t.database.db, query);
  return {
    forums: await count('select count(*)::int as n from forums'),
    members: await count('select count(*)::int as n from forum_members'),
    audit: await count(`select count(*)::int as n from audit_log where resource_type = 'forum'`),
  };
}

export async function addUser(
  name: string,
  roles: Role[],
  municipalityCode: string | null = '101',
) {
  users[name] = await createUser(t.database.db, { roles, municipalityCode });
  return users[name];
}

/** The app and the users these tests share: set up once per test file. */
export function useForumsFixtures() {
  beforeAll(async () => {
    // Files of a worker share this module (the integration tier does not isolate them): start
    // from no users, or the last file's users (its disabled one) would be logged in here.
    for (const name of Object.keys(users)) delete users[name];
    for (const name of Object.keys(as)) delete as[name];
    t = await startTestApp();
    const db = t.database.db;
    const coordinator = await addUser('coordinator', ['coordinator']);
    const unit = await createUnit(db, { name: 'SSP København' });
    await db
      .insertInto('user_units')
      .values({ user_id: coordinator.id, unit_id: unit.id })
      .execute();
    await addUser('admin', ['municipal_admin']);
    await addUser('forumMember', ['forum_member']);
    await addUser('caseworker', ['caseworker']);
    await addUser('mentor', ['mentor']);
    await addUser('otherCoordinator', ['coordinator'], '147');
    await addUser('ballerupCoordinator', ['coordinator'], '151');
    users.police = await createPoliceContact(db, 11);
    users.otherPolice = await createPoliceContact(db, 10);
    for (const name of Object.keys(users)) {
      const user = users[name];
      if (user) as[name] = await login(t.app, user);
    }
    // Not logged in: a disabled caseworker of the municipality.
    await addUser('disabled', ['caseworker']);
    await db
      .updateTable('users')
      .set({ disabled_at: sql`now()` })
      .where('id', '=', users.disabled?.id ?? '')
      .execute();
  });
  afterAll(() => t.close());
}

export const id = (name: string) => users[name]?.id ?? '';
