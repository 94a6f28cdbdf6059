import type { FastifyInstance } from 'fastify';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { encryptField } from '../platform/crypto.ts';
import { hash, type Algorithm } from '@node-rs/argon2';
import type { Role } from '../access/roles.ts';
import { newTotpSecret, totpCode, totpStep } from '../access/totp.ts';
import { testKeys } from './app.ts';

export const TEST_PASSWORD = 'korrekt-hest-batteri-hæfteklamme';

/**
 * TEST_PASSWORD's Argon2id hash, made once per worker at a test-only cost. At the production
 * cost (`server/access/passwords.ts`, pinned by its unit test) every created user and every login
 * spent a third of a second on a busy machine; the login still verifies this hash for real, as
 * Argon2 reads the cost from the hash itself.
 */
let testPasswordHash: Promise<string> | undefined;
function hashTestPassword(): Promise<string> {
  // Algorithm.Argon2id is a const enum (2), which isolated modules cannot import by name.
  testPasswordHash ??= hash(TEST_PASSWORD, {
    algorithm: 2 as Algorithm,
    memoryCost: 1024,
    timeCost: 1,
    parallelism: 1,
  });
  return testPasswordHash;
}

export interface TestUser {
  id: string;
  username: string;
  totpSecret: string | null;
}

let counter = 0;

/** A user in municipality 101 (København) unless told otherwise, with TOTP enrolled. */
export async function createUser(
  db: Kysely<DB>,
  options: {
    roles?: Role[];
    municipalityCode?: string | null;
    enrolled?: boolean;
    username?: string;
  } = {},
): Promise<TestUser> {
  counter += 1;
  const username = options.username ?? `test.user${counter}.${process.pid}`;
  const totpSecret = options.enrolled === false ? null : newTotpSecret();
  const row = await db
    .insertInto('users')
    .values({
      username,
      display_name: `Test Bruger ${counter}`,
      roles: options.roles ?? ['coordinator'],
      municipality_code: options.municipalityCode === undefined ? '101' : options.municipalityCode,
      password_hash: await hashTestPassword(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (totpSecret) {
    await db
      .updateTable('users')
      .set({
        totp_secret_enc: encryptField(testKeys.secret, totpSecret, `totp:${row.id}`),
        totp_enabled_at: sql<Date>`now()`,
      })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, username, totpSecret };
}

/** A role in municipality 101, or a role and another municipality: `['coordinator', '147']`. */
export type UserSpec = Role | readonly [Role, string];

/** One user per name, created in the order given. */
export async function createUsers<N extends string>(
  db: Kysely<DB>,
  specs: Record<N, UserSpec>,
): Promise<Record<N, TestUser>> {
  const users: Partial<Record<N, TestUser>> = {};
  for (const [name, spec] of Object.entries(specs) as [N, UserSpec][]) {
    const [role, municipalityCode] = typeof spec === 'string' ? [spec, undefined] : spec;
    users[name] = await createUser(db, {
      roles: [role],
      ...(municipalityCode !== undefined && { municipalityCode }),
    });
  }
  return users as Record<N, TestUser>;
}

/** The TOTP code for a step offset from now (0 = current, 1 = next, which is also accepted). */
export function codeFor(secret: string, offset = 0): string {
  return totpCode(secret, totpStep() + offset);
}

export function cookieFrom(res: { headers: Record<string, unknown> }): string {
  const header = res.headers['set-cookie'];
  const value = Array.isArray(header) ? String(header[0]) : String(header);
  return value.split(';')[0] ?? '';
}

export interface LoggedIn {
  cookie: string;
  csrf: string;
  /** Who is logged in (set by `login`). */
  user?: TestUser;
}

/** Logs in through the real endpoints: password, then TOTP. */
export async function login(app: FastifyInstance, user: TestUser, offset = 0): Promise<LoggedIn> {
  const first = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: user.username, password: TEST_PASSWORD },
  });
  if (first.statusCode !== 200) throw new Error(`login failed: ${first.statusCode} ${first.body}`);
  const pending = {
    cookie: cookieFrom(first),
    csrf: (first.json() as { csrfToken: string }).csrfToken,
  };
  const second = await app.inject({
    method: 'POST',
    url: '/api/auth/totp',
    headers: { cookie: pending.cookie, 'x-csrf-token': pending.csrf },
    payload: { code: codeFor(user.totpSecret ?? '', offset) },
  });
  if (second.statusCode !== 200)
    throw new Error(`totp failed: ${second.statusCode} ${second.body}`);
  return {
    cookie: cookieFrom(second),
    csrf: (second.json() as { csrfToken: string }).csrfToken,
    user,
  };
}
