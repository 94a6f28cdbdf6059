import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  TEST_PASSWORD,
  codeFor,
  cookieFrom,
  createUser,
  login,
  type LoggedIn,
} from '../../test/users.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function session(as?: LoggedIn) {
  const res = await t.app.inject({
    method: 'GET',
    url: '/api/session',
    headers: as ? { cookie: as.cookie } : {},
  });
  return res.json() as {
    state: string;
    user: { username: string; roles: string[] } | null;
    abilities: { admin: { users: boolean } } | null;
  };
}

async function auditCount(action: string) {
  const r = await sql<{
    n: number;
  }>`select count(*)::int as n from audit_log where action = ${action}`.execute(t.database.db);
  return r.rows[0]?.n ?? 0;
}

describe(`login with password and TOTP (${testEngine})`, () => {
  it('ASVS 6.3.3: logs in with password then TOTP, with a new session id after each step', async () => {
    const user = await createUser(t.database.db);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ next: 'totp' });
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const pending = cookieFrom(first);
    // Half logged in: the session exists but opens nothing.
    expect((await session({ cookie: pending, csrf: '' })).state).toBe('password_ok');
    const second = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: {
        cookie: pending,
        'x-csrf-token': (first.json() as { csrfToken: string }).csrfToken,
      },
      payload: { code: codeFor(user.totpSecret ?? '') },
    });
    expect(second.statusCode).toBe(200);
    const full = cookieFrom(second);
    expect(full).not.toBe(pending);
    const s = await session({ cookie: full, csrf: '' });
    expect(s).toMatchObject({
      state: 'authenticated',
      user: { username: user.username, roles: ['coordinator'] },
    });
    // The pending token is gone: it cannot be replayed.
    expect((await session({ cookie: pending, csrf: '' })).state).toBe('anonymous');
  });

  it('ASVS 6.3.8: gives the same answer for an unknown account, a wrong password and a disabled account', async () => {
    const user = await createUser(t.database.db);
    const disabled = await createUser(t.database.db);
    await t.database.db
      .updateTable('users')
      .set({ disabled_at: sql`now()` })
      .where('id', '=', disabled.id)
      .execute();
    const answers = [];
    for (const [username, password] of [
      ['no.such.person', TEST_PASSWORD],
      [user.username, 'wrong-password-123'],
      [disabled.username, TEST_PASSWORD],
    ]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password },
      });
      const body = res.json() as { error: { code: string; message: string } };
      answers.push([res.statusCode, body.error.code, body.error.message]);
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(401);
    expect(answers[0]?.[1]).toBe('invalid_credentials');
  });

  it('rejects a wrong TOTP code and a replayed one', async () => {
    const user = await createUser(t.database.db);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const headers = {
      cookie: cookieFrom(first),
      'x-csrf-token': (first.json() as { csrfToken: string }).csrfToken,
    };
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers,
      payload: { code: '000000' === codeFor(user.totpSecret ?? '') ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect((wrong.json() as { error: { code: string } }).error.code).toBe('invalid_code');
    await login(t.app, user); // uses the current code
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/totp',
      headers: {
        cookie: cookieFrom(again),
        'x-csrf-token': (again.json() as { csrfToken: string }).csrfToken,
      },
      payload: { code: codeFor(user.totpSecret ?? '') },
    });
    expect(replay.statusCode).toBe(401);
  });

  it('ASVS 6.3.1: locks the account for a while after 5 failures, with a clear message, even for the right password', async () => {
    const user = await createUser(t.database.db);
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: `wrong-password-${i}` },
      });
      expect(res.statusCode).toBe(401);
    }
    const locked = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(locked.statusCode).toBe(429);
    const error = (locked.json() as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('login_locked');
    expect(error.message).toMatch(/Prøv igen om 15 minutter/);
    // Other accounts are not affected.
    const other = await createUser(t.database.db);
    await login(t.app, other);
  });

  it('audits logins, failed logins and logouts', async () => {
    const before = {
      login: await auditCount('login'),
      failed: await auditCount('login_failed'),
      logout: await auditCount('logout'),
    };
    const user = await createUser(t.database.db);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: 'nope-nope-nope' },
    });
    const s = await login(t.app, user);
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrf },
    });
    expect(await auditCount('login')).toBe(before.login + 1);
    expect(await auditCount('login_failed')).toBe(before.failed + 1);
    expect(await auditCount('logout')).toBe(before.logout + 1);
  });

  it('fails the login when the audit entry cannot be written, and leaves no session behind', async () => {
    const user = await createUser(t.database.db);
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    await sql`alter table audit_log add constraint audit_test_block check (action <> 'login') not valid`.execute(
      t.database.db,
    );
    try {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/totp',
        headers: {
          cookie: cookieFrom(first),
          'x-csrf-token': (first.json() as { csrfToken: string }).csrfToken,
        },
        payload: { code: codeFor(user.totpSecret ?? '') },
      });
      expect(res.statusCode).toBe(500);
      const sessions = await t.database.db
        .selectFrom('sessions')
        .select('state')
        .where('user_id', '=', user.id)
        .execute();
      expect(sessions.map((s) => s.state)).toEqual(['password_ok']);
    } finally {
      await sql`alter table audit_log drop constraint audit_test_block`.execute(t.database.db);
    }
  });
});
