import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { callerIn } from './case-team.ts';
import { client, createCase, createPoliceContact, registerPerson, type Client } from './records.ts';
import { createUser, login, type LoggedIn, type TestUser } from './users.ts';

type RegisteredPerson = Awaited<ReturnType<typeof registerPerson>>;

/** The users, their logged-in clients and the persons of `createPersonRegister`. */
export interface PersonRegister {
  /** coordinator, caseworker, outsider, hotline (municipality 101), coordinator147, police. */
  users: Record<string, TestUser>;
  sessions: Record<string, LoggedIn>;
  /** The logged-in API client of one of the users. */
  caller(name: string): Client;
  persons: {
    /** Åse Kjærgård with the CPR number and an address, the child in the shared case. */
    aase: RegisteredPerson;
    /** Birthe Kjærgård, parent in the shared case. */
    parent: RegisteredPerson;
    /** Åse Kjærgård-Holm, no CPR number but Åse's birth date, sibling in the shared case. */
    noCpr: RegisteredPerson;
    /** In a case of 101 that none of the users is a member of. */
    hidden: RegisteredPerson;
    /** Åse Kjærgård with the same CPR number in municipality 147, in a case of coordinator147. */
    other147: RegisteredPerson;
  };
}

/**
 * A small person register: users of several roles, five persons, and the cases that decide who
 * may see whom. The coordinator and caseworker of 101 are members of the shared case; the
 * outsider and hotline are not; `cpr` (born 2010-03-15) is Åse's in both municipalities.
 */
export async function createPersonRegister(
  app: FastifyInstance,
  db: Kysely<DB>,
  cpr: string,
): Promise<PersonRegister> {
  const users: Record<string, TestUser> = {};
  users.coordinator = await createUser(db, { roles: ['coordinator'] });
  users.caseworker = await createUser(db, { roles: ['caseworker'] });
  users.outsider = await createUser(db, { roles: ['coordinator'] });
  users.hotline = await createUser(db, { roles: ['hotline'] });
  users.coordinator147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  users.police = await createPoliceContact(db);
  const createdBy = users.coordinator.id;
  const aase = await registerPerson(db, {
    createdBy,
    givenName: 'Åse',
    familyName: 'Kjærgård',
    cpr,
    address: 'Nørregade 1, 1165 København K',
  });
  const parent = await registerPerson(db, {
    createdBy,
    givenName: 'Birthe',
    familyName: 'Kjærgård',
  });
  const noCpr = await registerPerson(db, {
    createdBy,
    givenName: 'Åse',
    familyName: 'Kjærgård-Holm',
    birthDate: '2010-03-15',
  });
  const hidden = await registerPerson(db, { createdBy, givenName: 'Skjult', familyName: 'Person' });
  const other147 = await registerPerson(db, {
    createdBy: users.coordinator147.id,
    municipalityCode: '147',
    givenName: 'Åse',
    familyName: 'Kjærgård',
    cpr,
  });
  await createCase(db, {
    persons: [
      { id: aase.id },
      { id: parent.id, role: 'parent' },
      { id: noCpr.id, role: 'sibling' },
    ],
    members: [
      { userId: users.coordinator.id, role: 'coordinator' },
      { userId: users.caseworker.id, role: 'member' },
    ],
  });
  await createCase(db, { persons: [{ id: hidden.id }] });
  await createCase(db, {
    municipalityCode: '147',
    persons: [{ id: other147.id }],
    members: [{ userId: users.coordinator147.id, role: 'coordinator' }],
  });
  const sessions: Record<string, LoggedIn> = {};
  const clients: Record<string, Client> = {};
  for (const [name, user] of Object.entries(users)) {
    sessions[name] = await login(app, user);
    clients[name] = client(app, sessions[name]);
  }
  return {
    users,
    sessions,
    caller: (name) => callerIn(clients, name),
    persons: { aase, parent, noCpr, hidden, other147 },
  };
}
