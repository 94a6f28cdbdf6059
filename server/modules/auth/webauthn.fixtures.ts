import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { TEST_PASSWORD, cookieFrom, type LoggedIn, type TestUser } from '../../test/users.ts';
import { freshCode } from '../../test/records.ts';
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
export const HOST = 'localhost:5173';
export const ORIGIN = `http://${HOST}`;

export let t: TestApp;

export interface Call {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  as?: LoggedIn;
  payload?: unknown;
  host?: string;
  csrf?: boolean;
}

export function call({ method, url, as, payload, host = HOST, csrf = true }: Call) {
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
export function whoIs(as: LoggedIn): TestUser {
  if (!as.user) throw new Error('this login does not say who it is');
  return as.user;
}

export async function addKey(
  as: LoggedIn,
  nickname = 'Gul nøgle',
  key = new SoftwareAuthenticator(),
) {
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
export async function passwordOnly(user: TestUser): Promise<LoggedIn> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: TEST_PASSWORD },
  });
  expect(res.statusCode).toBe(200);
  return { cookie: cookieFrom(res), csrf: (res.json() as { csrfToken: string }).csrfToken };
}

export async function loginOptions(pending: LoggedIn) {
  const res = await call({ method: 'POST', url: '/api/auth/webauthn/options', as: pending });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as AuthenticationOptionsLike & { allowCredentials: { id: string }[] };
}

/** Sends a security key's answer to the login's challenge. */
export function sendAnswer(pending: LoggedIn, payload: unknown) {
  return call({ method: 'POST', url: '/api/auth/webauthn', as: pending, payload });
}

export async function session(as: LoggedIn) {
  const res = await call({ method: 'GET', url: '/api/session', as });
  return res.json() as { state: string; secondFactors?: string[]; user: { id: string } | null };
}

export async function audit(resourceType: string, actorUserId: string) {
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

export async function failures(user: TestUser) {
  const r = await sql<{ failures: number }>`select failures from login_throttle
      where key = ${`account:${user.username}`}`.execute(t.database.db);
  return r.rows[0]?.failures ?? 0;
}

/** The app, users and records these tests share: set up once per test file. */
export function useWebauthnFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());
}
