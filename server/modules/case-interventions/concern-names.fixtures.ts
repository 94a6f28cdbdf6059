import { expect } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import {
  createCase,
  createPerson,
  createPoliceContact,
  type CaseMemberSpec,
  type Client,
} from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import type { LoadStandardResult } from '../interventions/schema.ts';

/**
 * What the tests of catalogue entries that reveal the concern share (concern-names and
 * concern-names-elsewhere): the words and the name no reader outside the compartment may get,
 * and the app with a case about Omar Hansen opened on 10 January 2025. Each test file sets it up
 * anew, so the files run alone, in any order or in parallel.
 */
export const WORDS = /radikalis|ekstremis|radicalis|extremis/i;
export const COUNSELLING = 'Rådgivning af voksne i risiko for radikalisering';

export let t: TestApp;
export let theCase: { id: string };
// Made anew by each file's setup: test files share a worker's modules (isolate: false).
export let users: Record<string, TestUser> = {};
export let as: Record<string, Client> = {};
/** The standard catalogue's type ids by code. */
export let typeIds: Record<string, string> = {};
export const caller = (name: string) => callerIn(as, name);
export const id = (name: string) => users[name]?.id ?? '';

/**
 * The case's coordinator, (with `forum`, a forum member,) a caseworker and a police contact as
 * members with the whole case, and a mentor who is no member; all logged in; the coordinator has
 * loaded the standard catalogue. Returns the case's person.
 */
export async function startConcernCase(options: { forum: boolean }) {
  t = await startTestApp();
  users = {};
  as = {};
  typeIds = {};
  const db = t.database.db;
  users.coordinator = await createUser(db, { roles: ['coordinator'] });
  if (options.forum) users.forum = await createUser(db, { roles: ['forum_member'] });
  users.caseworker = await createUser(db, { roles: ['caseworker'] });
  users.police = await createPoliceContact(db);
  users.mentor = await createUser(db, { roles: ['mentor'] });
  const person = await createPerson(db, { givenName: 'Omar', familyName: 'Hansen' });
  const members: CaseMemberSpec[] = [
    { userId: id('coordinator'), role: 'coordinator' },
    ...(options.forum ? [{ userId: id('forum'), role: 'forum' as const }] : []),
    { userId: id('caseworker'), role: 'member' },
    { userId: id('police'), role: 'member' },
  ];
  theCase = await createCase(db, { persons: [{ id: person.id }], members });
  await db
    .updateTable('cases')
    .set({ opened_at: '2025-01-10T09:00:00Z' })
    .where('id', '=', theCase.id)
    .execute();
  await logInAll(t, users, as);

  const loaded = await caller('coordinator').post('/api/intervention-types/load-standard', {});
  expect(loaded.statusCode, loaded.body).toBe(200);
  for (const type of (loaded.json() as LoadStandardResult).items) typeIds[type.code] = type.id;
  return person;
}
