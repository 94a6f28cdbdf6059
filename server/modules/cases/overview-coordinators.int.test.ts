import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  client,
  createCase,
  createPerson,
  fieldsOf,
  type Client,
} from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';

/**
 * "Tovholder" in the case overview's filter bar (issue 12): GET /api/cases/coordinators lists the
 * coordinators of the cases the caller may see, ids and names only, audited; the overview's
 * coordinator filter accepts only one of them, and refuses any other id (a colleague with no case
 * the caller sees, a user of another municipality, a made-up id) on the field, the same way.
 */
let t: TestApp;
let me: TestUser;
let colleague: TestUser;
let stranger: TestUser;
let outsider: TestUser;
let asMe: Client;
let asMentor: Client;
let asCaseworker: Client;
let shared: { id: string };

interface Coordinators {
  items: { id: string; name: string }[];
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  me = await createUser(db, { roles: ['coordinator'] });
  colleague = await createUser(db, { roles: ['coordinator'] });
  // A coordinator of the same municipality whose only case the caller may not see.
  stranger = await createUser(db, { roles: ['coordinator'] });
  outsider = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  const mentor = await createUser(db, { roles: ['mentor'] });
  const caseworker = await createUser(db, { roles: ['caseworker'] });
  const person = () => createPerson(db, { givenName: 'Demo', familyName: 'Borger' });
  await createCase(db, {
    persons: [{ id: (await person()).id }],
    members: [{ userId: me.id, role: 'coordinator' }],
  });
  shared = await createCase(db, {
    persons: [{ id: (await person()).id }],
    members: [
      { userId: colleague.id, role: 'coordinator' },
      { userId: me.id, role: 'forum' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  await createCase(db, {
    persons: [{ id: (await person()).id }],
    members: [{ userId: stranger.id, role: 'coordinator' }],
  });
  asMe = client(t.app, await login(t.app, me));
  asMentor = client(t.app, await login(t.app, mentor));
  asCaseworker = client(t.app, await login(t.app, caseworker));
});
afterAll(() => t.close());

async function coordinators(as: Client): Promise<Coordinators> {
  const res = await as.get('/api/cases/coordinators');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Coordinators;
}

const nameOf = (user: TestUser) =>
  t.database.db
    .selectFrom('users')
    .select('display_name')
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow()
    .then((r) => r.display_name);

describe(`the overview's coordinator filter (${testEngine})`, () => {
  it('lists the coordinators of the cases the caller may see, by name, ids and names only', async () => {
    const list = await coordinators(asMe);
    const expected = [
      { id: me.id, name: await nameOf(me) },
      { id: colleague.id, name: await nameOf(colleague) },
    ].sort((a, b) => a.name.localeCompare(b.name, 'en'));
    expect(list.items).toEqual(expected);
    // The mentor sees only the case of their intervention: its coordinator.
    expect((await coordinators(asMentor)).items.map((c) => c.id)).toEqual([colleague.id]);
    // A caseworker on no case has nobody to filter by.
    expect((await coordinators(asCaseworker)).items).toEqual([]);
  });

  it('writes an audit entry for the list in the same request, with its count', async () => {
    const res = await asMe.get('/api/cases/coordinators');
    const rows = await auditRowsOf(t.database.db, res);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: 'read',
      resource_type: 'case_coordinators',
      subject_person_id: null,
    });
  });

  it('filters the overview by a listed coordinator', async () => {
    const res = await asMe.get(`/api/cases?coordinatorId=${colleague.id}`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([shared.id]);
    // No case of the listed coordinator in the status chosen: an empty page, not a refusal.
    const closed = await asMe.get(`/api/cases?coordinatorId=${colleague.id}&status=closed`);
    expect(closed.statusCode, closed.body).toBe(200);
    expect((closed.json() as { items: unknown[] }).items).toEqual([]);
  });

  it('refuses a coordinator the caller may not filter by like an unknown id, in the query and the search', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const id of [stranger.id, outsider.id, unknown]) {
      const res = await asMe.get(`/api/cases?coordinatorId=${id}`);
      expect(res.statusCode, id).toBe(400);
      expect(fieldsOf(res)).toEqual(['query.coordinatorId:record_not_found']);
      const search = await asMe.post('/api/cases/search', { text: 'Demo', coordinatorId: id });
      expect(search.statusCode, id).toBe(400);
      expect(fieldsOf(search)).toEqual(['body.coordinatorId:record_not_found']);
    }
  });

  it('is not for a user whose work involves no personal data (403)', async () => {
    const admin = await createUser(t.database.db, { roles: ['municipal_admin'] });
    const asAdmin = client(t.app, await login(t.app, admin));
    expect((await asAdmin.get('/api/cases/coordinators')).statusCode).toBe(403);
  });
});
