import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createUser, login } from '../../test/users.ts';
import { freshCode } from '../../test/records.ts';
import { totpCode } from '../../access/totp.ts';
import {
  SoftwareAuthenticator,
  type RegistrationOptionsLike,
} from '../../test/webauthn-authenticator.ts';
import {
  HOST,
  ORIGIN,
  t,
  call,
  whoIs,
  addKey,
  passwordOnly,
  loginOptions,
  session,
  audit,
  useWebauthnFixtures,
} from './webauthn.fixtures.ts';

useWebauthnFixtures();

describe(`security keys (WebAuthn) (${testEngine})`, () => {
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
