import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import {
  client,
  createCase,
  createPerson,
  createPoliceContact,
  type Client,
} from '../test/records.ts';
import { createUser, login, type TestUser } from '../test/users.ts';

/**
 * The compartment (docs/SECURITY.md): the radicalisation concern itself reaches the case's
 * coordinators and forum members only. For everyone else the keys are absent from every answer,
 * in both languages, and no word of the concern appears anywhere in the raw body.
 */
const KEYS = ['extremismForm', 'extremismFormOther', 'concernSummary'];
const WORDS = /radikalis|ekstremis|radicalis|extremis/i;

let t: TestApp;
let theCase: { id: string; reference: string };
let person: { id: string; name: string };
const as: Record<string, Client> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const users: Record<string, TestUser> = {
    coordinator: await createUser(db, { roles: ['coordinator'] }),
    forum: await createUser(db, { roles: ['forum_member'] }),
    member: await createUser(db, { roles: ['caseworker'] }),
    mentor: await createUser(db, { roles: ['mentor'] }),
    police: await createPoliceContact(db),
  };
  const id = (name: string) => users[name]?.id ?? '';
  person = await createPerson(db, { cpr: '140310-4821' });
  theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: [
      { userId: id('coordinator'), role: 'coordinator' },
      { userId: id('forum'), role: 'forum' },
      { userId: id('member'), role: 'member' },
      { userId: id('mentor'), role: 'member', scope: 'intervention' },
      { userId: id('police'), role: 'member' },
    ],
  });
  await db
    .updateTable('cases')
    .set({ extremism_form_other: 'Extremist radicalisation online' })
    .where('id', '=', theCase.id)
    .execute();
  // A notification about the case for everyone, so that answer is not trivially empty.
  await db
    .insertInto('notifications')
    .values(
      Object.values(users).map((u) => ({
        user_id: u.id,
        kind: 'case_update',
        case_id: theCase.id,
      })),
    )
    .execute();
  for (const [name, user] of Object.entries(users))
    as[name] = client(t.app, await login(t.app, user));
});
afterAll(() => t.close());

function caller(name: string): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}

const urls = () => [
  `/api/cases/${theCase.id}`,
  '/api/cases',
  `/api/persons/${person.id}`,
  '/api/notifications',
];

describe(`the compartment (${testEngine})`, () => {
  it.each(['coordinator', 'forum'])('the case %s receives the compartment', async (name) => {
    for (const lang of ['da', 'en']) {
      const res = await caller(name).get(`/api/cases/${theCase.id}`, { 'accept-language': lang });
      expect(res.statusCode).toBe(200);
      const body = res.json() as Record<string, unknown>;
      for (const key of KEYS) expect(body, key).toHaveProperty(key);
      expect(body.extremismForm).toBe('right_wing');
      expect(body.concernSummary).toMatch(WORDS);
      expect(body.access).toMatchObject({ compartment: true, breakGlass: false });
    }
  });

  it.each(['member', 'mentor', 'police'])(
    'a case %s never receives a key or a word of it',
    async (name) => {
      let seen = 0;
      for (const lang of ['da', 'en']) {
        for (const url of urls()) {
          const res = await caller(name).get(url, { 'accept-language': lang });
          // The mentor has no person access (404); every other answer is a 200.
          const expected = name === 'mentor' && url.startsWith('/api/persons/') ? 404 : 200;
          expect(res.statusCode, `${url} ${lang}`).toBe(expected);
          for (const key of KEYS) expect(res.body, `${url} ${lang}`).not.toContain(`"${key}"`);
          expect(res.body, `${url} ${lang}`).not.toMatch(WORDS);
          if (res.body.includes(theCase.reference)) seen += 1;
        }
      }
      // The case did reach the caller (detail, list and notification, in both languages).
      expect(seen).toBeGreaterThanOrEqual(6);
      const detail = (await caller(name).get(`/api/cases/${theCase.id}`)).json() as {
        access: { compartment: boolean };
        workSummary: string;
      };
      expect(detail.access.compartment).toBe(false);
      expect(detail.workSummary).toBe('Mentorforløb og samtaler med familien.');
    },
  );

  it('the notification names the case by reference only', async () => {
    const res = await caller('member').get('/api/notifications');
    const items = (res.json() as { items: { kind: string; caseReference: string }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({ kind: 'case_update', caseReference: theCase.reference }),
    ]);
    expect(res.body).not.toContain(person.name);
  });

  it('a forum member holding only the case role member does not receive the compartment', async () => {
    const db = t.database.db;
    const user = await createUser(db, { roles: ['forum_member'] });
    await db
      .insertInto('case_members')
      .values({ case_id: theCase.id, user_id: user.id, role: 'member' })
      .execute();
    const res = await client(t.app, await login(t.app, user)).get(`/api/cases/${theCase.id}`);
    expect(res.statusCode).toBe(200);
    for (const key of KEYS) expect(res.body).not.toContain(`"${key}"`);
    expect(res.body).not.toMatch(WORDS);
  });
});
