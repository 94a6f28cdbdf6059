import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  expectOneAudit,
  client,
  createCase,
  createPerson,
  displayNameOf,
  freshCode,
  type Client,
} from '../../test/records.ts';
import { codeFor, createUser, login, type TestUser } from '../../test/users.ts';
import type { Role } from '../../access/roles.ts';

/**
 * Break-the-glass: a coordinator opens a case of their municipality they are not a member of,
 * with a written reason and the second factor again. 60 minutes, audited as break-glass, and the
 * municipality's other coordinators are told.
 */
const REASON = 'Akut henvendelse fra politiet uden for arbejdstid, sagen skal vurderes nu.';

let t: TestApp;
let theCase: { id: string; reference: string };
let person: { id: string; name: string };
let memberCoordinator: TestUser;
let otherCoordinator: TestUser;
let disabledCoordinator: TestUser;
let coordinator147: TestUser;

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  memberCoordinator = await createUser(db, { roles: ['coordinator'] });
  otherCoordinator = await createUser(db, { roles: ['coordinator', 'forum_member'] });
  disabledCoordinator = await createUser(db, { roles: ['coordinator'] });
  coordinator147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  await db
    .updateTable('users')
    .set({ disabled_at: sql`now()` })
    .where('id', '=', disabledCoordinator.id)
    .execute();
  person = await createPerson(db, { givenName: 'Yasmin', familyName: 'Holmgaard' });
  theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: [{ userId: memberCoordinator.id, role: 'coordinator' }],
  });
});
afterAll(() => t.close());

async function actor(roles: Role[] = ['coordinator']) {
  const user = await createUser(t.database.db, { roles });
  return { user, c: client(t.app, await login(t.app, user)) };
}

const sessions = new Map<string, Client>();
/** One login per fixture user (a login uses up the current TOTP code). */
async function as(user: TestUser): Promise<Client> {
  const cached = sessions.get(user.id);
  if (cached) return cached;
  const c = client(t.app, await login(t.app, user));
  sessions.set(user.id, c);
  return c;
}

function breakGlass(c: Client, body: Record<string, unknown>) {
  return c.post('/api/break-glass', { reference: theCase.reference, reason: REASON, ...body });
}

async function counts(userId: string) {
  const db = t.database.db;
  const grants = await db
    .selectFrom('access_grants')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  const notes = await db
    .selectFrom('notifications')
    .select('id')
    .where('kind', '=', 'break_glass')
    .execute();
  return { grants: grants.length, notifications: notes.length };
}

/** A six-digit code that is none of the codes accepted right now. */
function wrongCode(secret: string): string {
  const valid = new Set([-1, 0, 1].map((o) => codeFor(secret, o)));
  let n = 123456;
  while (valid.has(String(n))) n += 1;
  return String(n);
}

describe(`break-the-glass (${testEngine})`, () => {
  it('a wrong code is 401 and stores neither a grant nor a notification', async () => {
    const { user, c } = await actor();
    const before = await counts(user.id);
    const res = await breakGlass(c, { code: wrongCode(user.totpSecret ?? '') });
    expect(res.statusCode).toBe(401);
    expect((res.json() as { error: { code: string } }).error.code).toBe('invalid_code');
    expect(await counts(user.id)).toEqual(before);
    expect((await c.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
  });

  it('a reason under 20 characters is 400 naming body.reason, and nothing is stored', async () => {
    const { user, c } = await actor();
    const before = await counts(user.id);
    const code = await freshCode(t.database.db, user);
    const res = await breakGlass(c, { reason: 'For kort grund', code });
    expect(res.statusCode).toBe(400);
    const fields = (res.json() as { error: { fields: { field: string }[] } }).error.fields;
    expect(fields.map((f) => f.field)).toEqual(['body.reason']);
    expect(await counts(user.id)).toEqual(before);
    expect(await auditRowsOf(t.database.db, res)).toEqual([]);
    // The code was not used up by the rejected request.
    expect((await breakGlass(c, { code })).statusCode).toBe(201);
  });

  it('an unknown reference is 404, but the attempt is audited', async () => {
    const { user, c } = await actor();
    const code = await freshCode(t.database.db, user);
    const res = await breakGlass(c, { reference: 'S-2026-999999', code });
    expect(res.statusCode).toBe(404);
    expect(await counts(user.id)).toMatchObject({ grants: 0 });
    const entry = await expectOneAudit(t.database.db, res, {
      action: 'break_glass',
      actor_user_id: user.id,
      municipality_code: '101',
      break_glass: true,
      resource_id: null,
    });
    expect(entry.details).toEqual({ found: false });
  });

  it('opens the case for 60 minutes, audited, and tells the other coordinators', async () => {
    const db = t.database.db;
    const { user, c } = await actor();
    const before = await counts(user.id);
    const res = await breakGlass(c, { code: await freshCode(db, user) });
    expect(res.statusCode).toBe(201);
    const granted = res.json() as { caseId: string; expiresAt: string };
    expect(granted.caseId).toBe(theCase.id);
    const minutes = (Date.parse(granted.expiresAt) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60.5);
    const [audit] = await auditRowsOf(db, res);
    expect(audit).toMatchObject({
      action: 'break_glass',
      resource_id: theCase.id,
      break_glass: true,
      municipality_code: '101',
    });
    // Every other active coordinator of 101 (earlier tests' actors too).
    const expected = await db
      .selectFrom('users')
      .select('id')
      .where('municipality_code', '=', '101')
      .where(sql<boolean>`'coordinator' = any(roles)`)
      .where('disabled_at', 'is', null)
      .where('id', '!=', user.id)
      .execute();
    expect(expected.map((u) => u.id)).toEqual(
      expect.arrayContaining([memberCoordinator.id, otherCoordinator.id]),
    );
    expect(audit?.details).toMatchObject({ found: true, minutes: 60, notified: expected.length });

    const read = await c.get(`/api/cases/${theCase.id}`);
    expect(read.statusCode).toBe(200);
    const detail = read.json() as Record<string, unknown> & { access: Record<string, unknown> };
    expect(detail.access).toMatchObject({ role: null, breakGlass: true, compartment: true });
    expect(detail.access.breakGlassUntil).toBe(granted.expiresAt);
    expect(detail.concernSummary).toEqual(expect.any(String));
    expect(detail).toHaveProperty('extremismForm', 'right_wing');
    const person1 = await c.get(`/api/persons/${person.id}`);
    expect(person1.statusCode).toBe(200);
    const list = (await c.get('/api/cases')).json() as {
      items: { id: string; breakGlass: boolean }[];
    };
    expect(list.items).toEqual([expect.objectContaining({ id: theCase.id, breakGlass: true })]);
    for (const r of [read, person1]) {
      const rows = await auditRowsOf(db, r);
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows)
        expect(row).toMatchObject({ break_glass: true, purpose: 'break_glass' });
    }

    const notified = await db
      .selectFrom('notifications')
      .select(['user_id', 'case_id', 'details'])
      .where('kind', '=', 'break_glass')
      .where('case_id', '=', theCase.id)
      .where(sql<boolean>`details->>'actorUserId' = ${user.id}`)
      .execute();
    expect(notified.map((n) => n.user_id).sort()).toEqual(expected.map((u) => u.id).sort());
    expect((await counts(user.id)).notifications).toBe(before.notifications + expected.length);
    for (const other of [otherCoordinator, memberCoordinator]) {
      const seen = (await (await as(other)).get('/api/notifications')).json() as {
        items: { kind: string; caseReference: string; actorName: string }[];
        unread: number;
      };
      expect(seen.items[0]).toMatchObject({
        kind: 'break_glass',
        caseReference: theCase.reference,
        actorName: await displayNameOf(db, user.id),
      });
      expect(seen.unread).toBeGreaterThan(0);
    }
    const own = (await c.get('/api/notifications')).json() as { items: unknown[] };
    expect(own.items).toEqual([]);
    for (const u of [user, disabledCoordinator, coordinator147]) {
      const rows = notified.filter((n) => n.user_id === u.id);
      expect(rows).toEqual([]);
    }
  });

  it('a member coordinator gets 409 already_member', async () => {
    const c = await as(memberCoordinator);
    const res = await breakGlass(c, { code: await freshCode(t.database.db, memberCoordinator) });
    expect(res.statusCode).toBe(409);
    expect((res.json() as { error: { code: string } }).error.code).toBe('already_member');
    expect(await counts(memberCoordinator.id)).toMatchObject({ grants: 0 });
  });

  it('the same code cannot be used twice', async () => {
    const { user, c } = await actor();
    const code = await freshCode(t.database.db, user);
    expect((await breakGlass(c, { code })).statusCode).toBe(201);
    const again = await breakGlass(c, { code });
    expect(again.statusCode).toBe(401);
    expect(await counts(user.id)).toMatchObject({ grants: 1 });
  });

  it('roles other than coordinator get 403, and nothing is stored', async () => {
    const roles: Role[] = [
      'forum_member',
      'caseworker',
      'police_contact',
      'mentor',
      'leader',
      'analyst',
      'data_protection',
      'municipal_admin',
    ];
    for (const role of roles) {
      const { user, c } = await actor([role]);
      const res = await breakGlass(c, { code: await freshCode(t.database.db, user) });
      expect(res.statusCode, role).toBe(403);
      expect(await counts(user.id), role).toMatchObject({ grants: 0 });
      expect(await auditRowsOf(t.database.db, res), role).toEqual([]);
    }
  });

  it('an expired grant answers 404 again, in lists too', async () => {
    const db = t.database.db;
    const { user, c } = await actor();
    expect((await breakGlass(c, { code: await freshCode(db, user) })).statusCode).toBe(201);
    expect((await c.get(`/api/cases/${theCase.id}`)).statusCode).toBe(200);
    await db
      .updateTable('access_grants')
      .set({
        granted_at: sql`now() - interval '2 hours'`,
        expires_at: sql`now() - interval '1 hour'`,
      })
      .where('user_id', '=', user.id)
      .execute();
    expect((await c.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/persons/${person.id}`)).statusCode).toBe(404);
    expect((await c.get('/api/cases')).json()).toEqual({ items: [], nextCursor: null });
  });

  it('a grant stops counting when its holder is no longer a coordinator, in lists too', async () => {
    const db = t.database.db;
    const { user, c } = await actor(['coordinator', 'caseworker']);
    expect((await breakGlass(c, { code: await freshCode(db, user) })).statusCode).toBe(201);
    await db
      .updateTable('users')
      .set({ roles: ['caseworker'] })
      .where('id', '=', user.id)
      .execute();
    expect((await c.get(`/api/cases/${theCase.id}`)).statusCode).toBe(404);
    const list = await c.get('/api/cases');
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    expect(list.body).not.toContain('Holmgaard');
  });
});
