import type { Kysely } from 'kysely';
import type { Role } from '../access/roles.ts';
import type { DB } from '../platform/db/schema.ts';
import type { TestApp } from './app.ts';
import { client, createCase, createPerson, type CaseMemberSpec, type Client } from './records.ts';
import { createUser, login, type TestUser } from './users.ts';

/**
 * The cast most case tests work with: users of municipality 101, each with one role and one
 * place in the case. The case's coordinator, a forum member, a caseworker who is a plain member,
 * a mentor who is a member for the interventions only, and a caseworker who is no member.
 */
const SEATS = {
  coordinator: { role: 'coordinator', member: { role: 'coordinator' } },
  forum: { role: 'forum_member', member: { role: 'forum' } },
  member: { role: 'caseworker', member: { role: 'member' } },
  mentor: { role: 'mentor', member: { role: 'member', scope: 'intervention' } },
  outsider: { role: 'caseworker', member: null },
} as const satisfies Record<string, { role: Role; member: Omit<CaseMemberSpec, 'userId'> | null }>;
export type Seat = keyof typeof SEATS;

/** One user per seat, created in the order given. */
export async function createTeam<S extends Seat>(
  db: Kysely<DB>,
  seats: readonly S[],
): Promise<Record<S, TestUser>> {
  const users: Partial<Record<S, TestUser>> = {};
  for (const seat of seats) users[seat] = await createUser(db, { roles: [SEATS[seat].role] });
  return users as Record<S, TestUser>;
}

/** The case members of a team, in its order; the outsider is none. */
export function membersOf<S extends Seat>(users: Record<S, TestUser>): CaseMemberSpec[] {
  return (Object.entries(users) as [S, TestUser][]).flatMap(([seat, user]) => {
    const place = SEATS[seat].member;
    return place ? [{ userId: user.id, ...place }] : [];
  });
}

/** The team, then one person, then a case about that person with the team as its members. */
export async function createTeamCase<S extends Seat>(db: Kysely<DB>, seats: readonly S[]) {
  const users = await createTeam(db, seats);
  const person = await createPerson(db);
  const theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: membersOf(users),
  });
  return { users, person, theCase };
}

/**
 * Logs every user in through the real endpoints, in order, and keeps their clients by name.
 * A fixture's maps are module-level and the files of a worker share the module (the integration
 * tier does not isolate them): a user an earlier file added to the map is not in this file's
 * database, and is dropped here instead of failing the login.
 */
export async function logInAll(
  t: TestApp,
  users: Record<string, TestUser>,
  into: Record<string, Client>,
): Promise<void> {
  const ids = Object.values(users).map((u) => u.id);
  const present = new Set(
    ids.length === 0
      ? []
      : (await t.database.db.selectFrom('users').select('id').where('id', 'in', ids).execute()).map(
          (r) => r.id,
        ),
  );
  for (const [name, user] of Object.entries(users)) {
    if (!present.has(user.id)) {
      delete users[name];
      delete into[name];
      continue;
    }
    into[name] = client(t.app, await login(t.app, user));
  }
}

/** The client logged in under `name` (a setup that forgot one fails by name). */
export function callerIn(as: Record<string, Client>, name: string): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}

/** A new user with `roles`, added to the case as a plain member (whole case), and logged in. */
export async function newMember(t: TestApp, caseId: string, roles: Role[]) {
  const db = t.database.db;
  const user = await createUser(db, { roles });
  await db
    .insertInto('case_members')
    .values({ case_id: caseId, user_id: user.id, role: 'member', scope: 'full' })
    .execute();
  return { user, as: client(t.app, await login(t.app, user)) };
}
