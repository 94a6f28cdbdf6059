import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { cookieFrom, createUser, login } from '../../test/users.ts';
import {
  ORIGIN,
  t,
  call,
  sendAnswer,
  addKey,
  passwordOnly,
  loginOptions,
  session,
  audit,
  failures,
  useWebauthnFixtures,
} from './webauthn.fixtures.ts';

useWebauthnFixtures();

describe(`security keys (WebAuthn) (${testEngine})`, () => {
  it('adds a key and lists it by name and dates, never with key material; audited', async () => {
    const user = await createUser(t.database.db);
    const as = await login(t.app, user);
    const { key, id } = await addKey(as, '  Gul nøgle  ');

    const list = await call({ method: 'GET', url: '/api/auth/webauthn/credentials', as });
    expect(list.statusCode).toBe(200);
    const body = list.json() as { securityKeys: Record<string, unknown>[] };
    expect(body.securityKeys).toHaveLength(1);
    expect(Object.keys(body.securityKeys[0] ?? {}).sort()).toEqual([
      'createdAt',
      'id',
      'lastUsedAt',
      'nickname',
    ]);
    expect(body.securityKeys[0]).toMatchObject({ id, nickname: 'Gul nøgle', lastUsedAt: null });
    expect(list.body).not.toContain(key.id);

    const stored = await t.database.db
      .selectFrom('webauthn_credentials')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ user_id: user.id, credential_id: key.id, sign_count: 0 });
    expect(stored.transports).toEqual(['usb']);

    const entries = await audit('webauthn_credential', user.id);
    expect(entries).toEqual([{ action: 'create', resource_id: id, details: {} }]);
  });

  it('offers the key at login and logs in with password and key: new session, counter kept, audited', async () => {
    const user = await createUser(t.database.db);
    const { key, id } = await addKey(await login(t.app, user));

    const pending = await passwordOnly(user);
    expect(await session(pending)).toMatchObject({
      state: 'password_ok',
      secondFactors: ['totp', 'webauthn'],
    });
    const options = await loginOptions(pending);
    expect(options.rpId).toBe('localhost');
    expect(options.allowCredentials.map((c) => c.id)).toEqual([key.id]);

    const res = await sendAnswer(pending, key.authenticate(options, ORIGIN));
    expect(res.statusCode, res.body).toBe(200);
    const full = { cookie: cookieFrom(res), csrf: (res.json() as { csrfToken: string }).csrfToken };
    expect(full.cookie).not.toBe(pending.cookie);
    expect(await session(full)).toMatchObject({ state: 'authenticated', user: { id: user.id } });
    expect((await session(pending)).state).toBe('anonymous');

    const stored = await t.database.db
      .selectFrom('webauthn_credentials')
      .select(['sign_count', 'last_used_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored.sign_count).toBe(1);
    expect(stored.last_used_at).toBeInstanceOf(Date);
    const logins = await audit('session', user.id);
    expect(logins.at(-1)).toMatchObject({ action: 'login', details: { method: 'webauthn' } });
  });

  it('tells the login page that a user without a key has only the app', async () => {
    const user = await createUser(t.database.db);
    expect(await session(await passwordOnly(user))).toMatchObject({ secondFactors: ['totp'] });
    const none = await call({
      method: 'POST',
      url: '/api/auth/webauthn/options',
      as: await passwordOnly(user),
    });
    expect(none.statusCode).toBe(404);
  });

  it('ASVS 6.5.1: rejects an answer to another challenge, and an answer used twice; failures are throttled', async () => {
    const user = await createUser(t.database.db);
    const { key } = await addKey(await login(t.app, user));
    const pending = await passwordOnly(user);
    const options = await loginOptions(pending);

    const wrong = await sendAnswer(
      pending,
      key.authenticate({ ...options, challenge: 'b3RoZXItY2hhbGxlbmdl' }, ORIGIN),
    );
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'security_key_failed' } });
    expect(await failures(user)).toBe(1);

    // The challenge was used up by the wrong answer: even the right one is refused now.
    const late = await sendAnswer(pending, key.authenticate(options, ORIGIN));
    expect(late.statusCode).toBe(401);
    expect(await failures(user)).toBe(2);

    // A fresh challenge works, and its answer cannot be replayed.
    const fresh = await loginOptions(pending);
    const answer = key.authenticate(fresh, ORIGIN);
    const ok = await sendAnswer(pending, answer);
    expect(ok.statusCode).toBe(200);
    expect(await failures(user)).toBe(0);
    const again = await passwordOnly(user);
    await loginOptions(again);
    const replay = await sendAnswer(again, answer);
    expect(replay.statusCode).toBe(401);

    const reasons = (await audit('session', user.id))
      .filter((e) => e.action === 'login_failed')
      .map((e) => e.details?.reason);
    // The replayed answer claims the counter the server has already seen.
    expect(reasons).toEqual([
      'security_key_invalid',
      'security_key_no_challenge',
      'security_key_counter',
    ]);
  });

  it('locks the account after five wrong answers, like wrong codes', async () => {
    const user = await createUser(t.database.db);
    const { key } = await addKey(await login(t.app, user));
    const pending = await passwordOnly(user);
    for (let i = 0; i < 5; i += 1) {
      const options = await loginOptions(pending);
      const res = await sendAnswer(
        pending,
        key.authenticate({ ...options, challenge: 'd3Jvbmc' }, ORIGIN),
      );
      expect(res.statusCode).toBe(401);
    }
    const options = await loginOptions(pending);
    const locked = await sendAnswer(pending, key.authenticate(options, ORIGIN));
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toMatchObject({ error: { code: 'login_locked' } });
  });

  it("rejects another user's key at login", async () => {
    const alice = await createUser(t.database.db);
    const bob = await createUser(t.database.db);
    await addKey(await login(t.app, alice));
    const { key: bobsKey } = await addKey(await login(t.app, bob));

    const pending = await passwordOnly(alice);
    const options = await loginOptions(pending);
    const res = await sendAnswer(pending, bobsKey.authenticate(options, ORIGIN));
    expect(res.statusCode).toBe(401);
    expect((await session(pending)).state).toBe('password_ok');
    const failed = (await audit('session', alice.id)).filter((e) => e.action === 'login_failed');
    expect(failed.at(-1)?.details).toEqual({ reason: 'security_key_unknown_key' });
  });

  it('rejects a key whose signature counter went backwards (a cloned key)', async () => {
    const user = await createUser(t.database.db);
    const { key } = await addKey(await login(t.app, user));
    for (let i = 0; i < 2; i += 1) {
      const pending = await passwordOnly(user);
      const res = await sendAnswer(pending, key.authenticate(await loginOptions(pending), ORIGIN));
      expect(res.statusCode).toBe(200);
    }
    key.counter = 0; // The next answer says 1, the server has seen 2.
    const pending = await passwordOnly(user);
    const res = await sendAnswer(pending, key.authenticate(await loginOptions(pending), ORIGIN));
    expect(res.statusCode).toBe(401);
    const failed = (await audit('session', user.id)).filter((e) => e.action === 'login_failed');
    expect(failed.at(-1)?.details).toEqual({ reason: 'security_key_counter' });
    const stored = await t.database.db
      .selectFrom('webauthn_credentials')
      .select('sign_count')
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(stored.sign_count).toBe(2);
  });
});
