import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  TEST_PASSWORD,
  cookieFrom,
  createUser,
  login,
  type LoggedIn,
  type TestUser,
} from '../../test/users.ts';
import { freshCode } from '../../test/records.ts';
import { totpCode } from '../../access/totp.ts';
import {
  SoftwareAuthenticator,
  type AuthenticationOptionsLike,
  type RegistrationOptionsLike,
} from '../../test/webauthn-authenticator.ts';

/**
 * Security keys through the real endpoints, with a software authenticator (ES256, 'none'
 * attestation). Requests name the host a browser would (localhost on a dev port), so the
 * relying party is `localhost` and the origin `http://localhost:5173`.
 */
const HOST = 'localhost:5173';
const ORIGIN = `http://${HOST}`;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  as?: LoggedIn;
  payload?: unknown;
  host?: string;
  csrf?: boolean;
}

function call({ method, url, as, payload, host = HOST, csrf = true }: Call) {
  return t.app.inject({
    method,
    url,
    headers: {
      host,
      ...(as && { cookie: as.cookie }),
      ...(as && csrf && { 'x-csrf-token': as.csrf }),
    },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
}

/** Adds a new software key to a logged-in user through the two registration requests. */
/** The user behind a login (login() records it). */
function whoIs(as: LoggedIn): TestUser {
  if (!as.user) throw new Error('this login does not say who it is');
  return as.user;
}

async function addKey(as: LoggedIn, nickname = 'Gul nøgle', key = new SoftwareAuthenticator()) {
  const options = await call({
    method: 'POST',
    url: '/api/auth/webauthn/registration-options',
    as,
    payload: { code: await freshCode(t.database.db, whoIs(as)) },
  });
  expect(options.statusCode).toBe(200);
  const credential = key.register(options.json() as RegistrationOptionsLike, ORIGIN);
  const res = await call({
    method: 'POST',
    url: '/api/auth/webauthn/credentials',
    as,
    payload: { nickname, credential },
  });
  expect(res.statusCode, res.body).toBe(201);
  return { key, id: (res.json() as { id: string }).id };
}

/** Step 1 only: the password, giving a pending session. */
async function passwordOnly(user: TestUser): Promise<LoggedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieFrom(res), csrf: (res.json() as { csrfToken: string }).csrfToken };
}

async function loginOptions(pending: LoggedIn) {
  const res = await call({ method: 'POST', url: '/api/auth/webauthn/options', as: pending });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AuthenticationOptionsLike & { allowCredentials: { id: string }[] };
}

async function session(as: LoggedIn) {
  const res = await call({ method: 'GET', url: '/api/session', as });
  return res.json() as { state: string; secondFactors?: string[]; user: { id: string } | null };
}

async function audit(resourceType: string, actorUserId: string) {
  const r = await sql<{
    action: string;
    resource_id: string | null;
    details: Record<string, unknown> | null;
  }>`select action, resource_id, details from audit_log
      where resource_type = ${resourceType} and actor_user_id = ${actorUserId} order by id`.execute(
    t.database.db,
  );
  return r.rows;
}

async function failures(user: TestUser) {
  const r = await sql<{ failures: number }>`select failures from login_throttle
      where key = ${`account:${user.username}`}`.execute(t.database.db);
  return r.rows[0]?.failures ?? 0;
}

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

    const res = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: key.authenticate(options, ORIGIN),
    });
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

    const wrong = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: key.authenticate({ ...options, challenge: 'b3RoZXItY2hhbGxlbmdl' }, ORIGIN),
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'security_key_failed' } });
    expect(await failures(user)).toBe(1);

    // The challenge was used up by the wrong answer: even the right one is refused now.
    const late = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: key.authenticate(options, ORIGIN),
    });
    expect(late.statusCode).toBe(401);
    expect(await failures(user)).toBe(2);

    // A fresh challenge works, and its answer cannot be replayed.
    const fresh = await loginOptions(pending);
    const answer = key.authenticate(fresh, ORIGIN);
    const ok = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: answer,
    });
    expect(ok.statusCode).toBe(200);
    expect(await failures(user)).toBe(0);
    const again = await passwordOnly(user);
    await loginOptions(again);
    const replay = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: again,
      payload: answer,
    });
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
      const res = await call({
        method: 'POST',
        url: '/api/auth/webauthn',
        as: pending,
        payload: key.authenticate({ ...options, challenge: 'd3Jvbmc' }, ORIGIN),
      });
      expect(res.statusCode).toBe(401);
    }
    const options = await loginOptions(pending);
    const locked = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: key.authenticate(options, ORIGIN),
    });
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
    const res = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: bobsKey.authenticate(options, ORIGIN),
    });
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
      const res = await call({
        method: 'POST',
        url: '/api/auth/webauthn',
        as: pending,
        payload: key.authenticate(await loginOptions(pending), ORIGIN),
      });
      expect(res.statusCode).toBe(200);
    }
    key.counter = 0; // The next answer says 1, the server has seen 2.
    const pending = await passwordOnly(user);
    const res = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      payload: key.authenticate(await loginOptions(pending), ORIGIN),
    });
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

  it('refuses a registration for another challenge, another site or the same key twice', async () => {
    const user = await createUser(t.database.db);
    const as = await login(t.app, user);
    const key = new SoftwareAuthenticator();
    const register = async (
      mutate: (o: RegistrationOptionsLike) => RegistrationOptionsLike,
      origin = ORIGIN,
      host = HOST,
    ) => {
      const options = await call({
        method: 'POST',
        url: '/api/auth/webauthn/registration-options',
        as,
        host,
        payload: { code: await freshCode(t.database.db, whoIs(as)) },
      });
      const credential = key.register(mutate(options.json() as RegistrationOptionsLike), origin);
      return call({
        method: 'POST',
        url: '/api/auth/webauthn/credentials',
        as,
        host,
        payload: { nickname: 'Nøgle', credential },
      });
    };
    const wrongChallenge = await register((o) => ({ ...o, challenge: 'b3RoZXI' }));
    expect(wrongChallenge.statusCode).toBe(400);
    expect(wrongChallenge.json()).toMatchObject({ error: { code: 'security_key_not_added' } });
    // A real site must use https: the same answer from plain http is refused.
    const plainHttp = await register(
      (o) => o,
      'http://tovholder.example.dk',
      'tovholder.example.dk',
    );
    expect(plainHttp.statusCode).toBe(400);
    const lookAlike = await register((o) => ({ ...o, rp: { id: 'tovholder.example.dk' } }), ORIGIN);
    expect(lookAlike.statusCode).toBe(400);
    const https = await register((o) => o, 'https://tovholder.example.dk', 'tovholder.example.dk');
    expect(https.statusCode, https.body).toBe(201);
    const twice = await register((o) => o, 'https://tovholder.example.dk', 'tovholder.example.dk');
    expect(twice.statusCode).toBe(400);
    const count = await t.database.db
      .selectFrom('webauthn_credentials')
      .select(sql<number>`count(*)::int`.as('n'))
      .where('user_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it("answers 404 for another user's key and removes one's own key, audited", async () => {
    const alice = await createUser(t.database.db);
    const bob = await createUser(t.database.db);
    const aliceSession = await login(t.app, alice);
    const { id: bobsKey } = await addKey(await login(t.app, bob));
    const { id: alicesKey } = await addKey(aliceSession);

    const foreign = await call({
      method: 'DELETE',
      url: `/api/auth/webauthn/credentials/${bobsKey}`,
      as: aliceSession,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ error: { code: 'not_found' } });
    const bobsRow = await t.database.db
      .selectFrom('webauthn_credentials')
      .select('id')
      .where('id', '=', bobsKey)
      .executeTakeFirst();
    expect(bobsRow).toBeDefined();

    const own = await call({
      method: 'DELETE',
      url: `/api/auth/webauthn/credentials/${alicesKey}`,
      as: aliceSession,
    });
    expect(own.statusCode).toBe(204);
    const list = await call({
      method: 'GET',
      url: '/api/auth/webauthn/credentials',
      as: aliceSession,
    });
    expect((list.json() as { securityKeys: unknown[] }).securityKeys).toEqual([]);
    expect((await audit('webauthn_credential', alice.id)).map((e) => e.action)).toEqual([
      'create',
      'delete',
    ]);
  });

  it('ASVS 3.5.1: refuses every key change and the key login without the CSRF token', async () => {
    const user = await createUser(t.database.db);
    const as = await login(t.app, user);
    const { id, key } = await addKey(as);
    const attempts = [
      { method: 'POST' as const, url: '/api/auth/webauthn/registration-options' },
      {
        method: 'POST' as const,
        url: '/api/auth/webauthn/credentials',
        payload: { nickname: 'x' },
      },
      { method: 'DELETE' as const, url: `/api/auth/webauthn/credentials/${id}` },
    ];
    for (const attempt of attempts) {
      const res = await call({ ...attempt, as, csrf: false });
      expect(res.statusCode, attempt.url).toBe(403);
      expect(res.json()).toMatchObject({ error: { code: 'csrf_failed' } });
    }
    const pending = await passwordOnly(user);
    const options = await loginOptions(pending);
    const res = await call({
      method: 'POST',
      url: '/api/auth/webauthn',
      as: pending,
      csrf: false,
      payload: key.authenticate(options, ORIGIN),
    });
    expect(res.statusCode).toBe(403);
    expect((await session(pending)).state).toBe('password_ok');
    const rows = await t.database.db
      .selectFrom('webauthn_credentials')
      .select('id')
      .where('user_id', '=', user.id)
      .execute();
    expect(rows).toEqual([{ id }]);
  });

  it('needs a full login to manage keys, and the password step to log in with one', async () => {
    const user = await createUser(t.database.db);
    const pending = await passwordOnly(user);
    const list = await call({ method: 'GET', url: '/api/auth/webauthn/credentials', as: pending });
    expect(list.statusCode).toBe(401);
    const full = await login(t.app, user);
    const options = await call({ method: 'POST', url: '/api/auth/webauthn/options', as: full });
    expect(options.statusCode).toBe(401);
  });

  it('asks for the current app code again before a key can be added (a stolen session is not enough)', async () => {
    const user = await createUser(t.database.db);
    const as = await login(t.app, user);
    const challenges = async () =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from webauthn_challenges`.execute(
            t.database.db,
          )
        ).rows[0]?.n,
      );
    const before = await challenges();
    const url = '/api/auth/webauthn/registration-options';
    const missing = await call({ method: 'POST', url, as, payload: {} });
    expect(missing.statusCode).toBe(400);
    expect(JSON.stringify(missing.json())).toContain('body.code');
    const wrong = await call({ method: 'POST', url, as, payload: { code: '000000' } });
    expect(wrong.statusCode).toBe(401);
    expect(await challenges()).toBe(before);
    // The code that logged in is used up: it cannot confirm the change as well.
    const { totp_last_step: usedStep } = await t.database.db
      .selectFrom('users')
      .select('totp_last_step')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const usedCode = totpCode(user.totpSecret ?? '', Number(usedStep));
    const reused = await call({ method: 'POST', url, as, payload: { code: usedCode } });
    expect(reused.statusCode).toBe(401);
    expect(await challenges()).toBe(before);
  });
});
