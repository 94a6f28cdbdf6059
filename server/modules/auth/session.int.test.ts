import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { createUser, login, type LoggedIn } from '../../test/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function state(as: LoggedIn) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/session',
    headers: { cookie: as.cookie },
  });
  return res.json() as {
    state: string;
    user: { roles: string[] } | null;
    abilities: { admin: { users: boolean } } | null;
  };
}

function logout(as: LoggedIn, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/auth/logout',
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, ...headers },
  });
}

describe(`sessions (${testEngine})`, () => {
  it('ASVS 7.4.1: logout ends the session on the server; the old cookie is worthless', async () => {
    const user = await createUser(t.database.db);
    const s = await login(t.app, user);
    const res = await logout(s);
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await state(s)).state).toBe('anonymous');
    expect((await logout(s)).statusCode).toBe(401);
  });

  it('ASVS 3.5.1: rejects a state change without the CSRF token, or from another origin', async () => {
    const user = await createUser(t.database.db);
    const s = await login(t.app, user);
    const missing = await logout(s, { 'x-csrf-token': '' });
    expect(missing.statusCode).toBe(403);
    expect((missing.json() as { error: { code: string } }).error.code).toBe('csrf_failed');
    const foreign = await logout(s, { origin: 'https://evil.example' });
    expect(foreign.statusCode).toBe(403);
    expect((await state(s)).state).toBe('authenticated');
  });

  it('ASVS 7.3.1: ends a session idle for more than 30 minutes', async () => {
    const user = await createUser(t.database.db);
    const s = await login(t.app, user);
    await t.database.db
      .updateTable('sessions')
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where('user_id', '=', user.id)
      .execute();
    expect((await state(s)).state).toBe('anonymous');
  });

  it('ASVS 7.3.2: ends a session at its absolute lifetime, however active', async () => {
    const user = await createUser(t.database.db);
    const s = await login(t.app, user);
    const row = await t.database.db
      .selectFrom('sessions')
      .select(sql<number>`extract(epoch from expires_at - created_at)::int`.as('seconds'))
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.seconds).toBe(12 * 3600);
    await t.database.db
      .updateTable('sessions')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('user_id', '=', user.id)
      .execute();
    expect((await state(s)).state).toBe('anonymous');
  });

  it('ASVS 7.4.2: disabling a user or changing their roles takes effect on the next request', async () => {
    const user = await createUser(t.database.db, { roles: ['caseworker'] });
    const s = await login(t.app, user);
    expect((await state(s)).abilities?.admin.users).toBe(false);
    await t.database.db
      .updateTable('users')
      .set({ roles: ['municipal_admin'] })
      .where('id', '=', user.id)
      .execute();
    const promoted = await state(s);
    expect(promoted.user?.roles).toEqual(['municipal_admin']);
    expect(promoted.abilities?.admin.users).toBe(true);
    await t.database.db
      .updateTable('users')
      .set({ disabled_at: sql`now()` })
      .where('id', '=', user.id)
      .execute();
    expect((await state(s)).state).toBe('anonymous');
  });

  it('a half-logged-in session (password only) cannot use logged-in routes', async () => {
    const user = await createUser(t.database.db);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'korrekt-hest-batteri-hæfteklamme' },
    });
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie, 'x-csrf-token': (first.json() as { csrfToken: string }).csrfToken },
    });
    expect(res.statusCode).toBe(401);
  });
});
