import { sql, type Kysely } from 'kysely';
import { afterAll } from 'vitest';
import type { DB } from '../platform/db/schema.ts';
import type { RecordKind } from '../access/compartment.ts';
import { USER_POLICIES, type PolicyName } from '../access/policies.ts';
import { ROLES, type Role } from '../access/roles.ts';
import type { CurrentUser } from '../access/sessions.ts';
import type { TestApp } from './app.ts';
import { TEST_PASSWORD, cookieFrom, createUser, login } from './users.ts';

/**
 * What the access tests share: the operations of the OpenAPI document with their declared policy
 * and record kind, one caller per kind of session and role, the answer a policy promises, and a
 * checksum of every table a request could change. The authorization matrix, the need-to-know
 * tests on writes and the record-id tests are split per route group (`groupOf`) so that each
 * file and each test stays a few seconds long on a busy machine.
 */
export interface Operation {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  policy: PolicyName;
  /** The kind of record the path's {id} names (`x-record`). */
  record?: RecordKind;
  /** The JSON schema of the request body, when it has one. */
  body?: unknown;
  /** Query and path parameters as the document declares them. */
  parameters: { in: string; name: string; schema?: { format?: string } }[];
}

export const keyOf = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

export type RouteGroup = 'cases' | 'case-work' | 'inquiries' | 'citizen-meetings' | 'platform';

/** The group an operation's tests live in; anything new falls into `platform`, never nowhere. */
export function groupOf(path: string): RouteGroup {
  // Meeting the citizen, on a case and on an inquiry (0049).
  if (
    /^\/api\/(cases|inquiries)\/\{id\}\/(citizen-contact|contact-attempts|citizen-meetings)/.test(
      path,
    )
  ) {
    return 'citizen-meetings';
  }
  if (
    /^\/api\/cases\/\{id\}\/(assessments|network-maps|plans|plan\.pdf|interventions|consents|offers|follow-ups|closure|reviews|summary\.pdf)/.test(
      path,
    )
  ) {
    return 'case-work';
  }
  if (path.startsWith('/api/cases') || path === '/api/break-glass') return 'cases';
  if (/^\/api\/(inquir|persons|municipality-settings)/.test(path)) return 'inquiries';
  return 'platform';
}

interface OpenApiOperation {
  'x-policy': PolicyName;
  'x-record'?: RecordKind;
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  parameters?: Operation['parameters'];
}

export async function loadOperations(t: TestApp): Promise<Operation[]> {
  const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  const doc = res.json() as { paths: Record<string, Record<string, OpenApiOperation>> };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      policy: op['x-policy'],
      ...(op['x-record'] && { record: op['x-record'] }),
      body: op.requestBody?.content?.['application/json']?.schema,
      parameters: op.parameters ?? [],
    })),
  );
}

export interface Caller {
  name: string;
  cookie?: string;
  csrf?: string;
  state: 'anonymous' | 'password_ok' | 'authenticated';
  roles: Role[];
  userId?: string;
}

/** Anonymous, half logged in (password only), and one user per role in municipality 101. */
export async function createCallers(t: TestApp): Promise<Caller[]> {
  const callers: Caller[] = [{ name: 'anonymous', state: 'anonymous', roles: [] }];
  const pendingUser = await createUser(t.database.db);
  const pending = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: pendingUser.username, password: TEST_PASSWORD },
  });
  callers.push({
    name: 'password only',
    state: 'password_ok',
    roles: [],
    cookie: cookieFrom(pending),
    csrf: (pending.json() as { csrfToken: string }).csrfToken,
  });
  for (const role of ROLES) {
    callers.push(await roleCaller(t, role, role === 'system_admin' ? null : '101'));
  }
  return callers;
}

/** A logged-in user with one role (and a name saying which municipality, when not 101). */
export async function roleCaller(
  t: TestApp,
  role: Role,
  municipalityCode: string | null = '101',
): Promise<Caller> {
  const user = await createUser(t.database.db, { roles: [role], municipalityCode });
  const session = await login(t.app, user);
  const where = municipalityCode && municipalityCode !== '101' ? ` of ${municipalityCode}` : '';
  return {
    name: `${role}${where}`,
    state: 'authenticated',
    roles: [role],
    userId: user.id,
    ...session,
  };
}

/** What the declared policy promises this caller: through (any answer but 401/403/5xx) or not. */
export function expected(op: Operation, caller: Caller): 'allowed' | 401 | 403 {
  switch (op.policy) {
    case 'public':
      return 'allowed';
    case 'pending':
      return caller.state === 'password_ok' ? 'allowed' : 401;
    case 'session':
      return caller.state === 'authenticated' ? 'allowed' : 401;
    default: {
      if (caller.state !== 'authenticated') return 401;
      const user = { roles: caller.roles } as CurrentUser;
      return USER_POLICIES[op.policy](user) ? 'allowed' : 403;
    }
  }
}

/** Bookkeeping a denied request may touch: the audit trail and the login throttle. */
const NOT_STATE = new Set([
  'audit_log',
  'audit_chain_heads',
  'login_throttle',
  'schema_migrations',
]);

/**
 * One checksum per table of every table the application owns (found in the catalogue, so a new
 * module's tables are covered without a change here), in one round trip.
 */
export async function snapshot(db: Kysely<DB>): Promise<Map<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(
    db,
  );
  const parts = tables.rows
    .filter((r) => !NOT_STATE.has(r.name))
    .map((r) => {
      // A session's last_seen_at moves on any request every 30 seconds, allowed or not.
      const rows =
        r.name === 'sessions'
          ? sql`(select token_hash, user_id, state, csrf_token, created_at, expires_at from sessions)`
          : sql.table(r.name);
      return sql`select ${r.name}::text as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as sum from ${rows} t`;
    });
  const result = await sql<{
    name: string;
    sum: string;
  }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return new Map(result.rows.map((r) => [r.name, r.sum]));
}

/** The tables whose content differs between two snapshots. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...after].filter(([name, sum]) => before.get(name) !== sum).map(([name]) => name);
}

/** Requests the access tests of this file sent, and how many the server answered with a 5xx. */
export const tally = { requests: 0, serverErrors: 0 };

/** Prints the file's figures after its tests, so each run shows what the tier sent. */
export function reportTally(label: string): void {
  afterAll(() => {
    // eslint-disable-next-line no-console -- the counts are the tier's report, not a debug leftover
    console.log(
      `[access] ${label}: ${tally.requests} requests, ${tally.serverErrors} answered 5xx`,
    );
  });
}

export interface Answer {
  status: number;
  /** The body with what differs between any two requests (request id, server time) removed. */
  body: unknown;
}

/** One request as the caller, with the CSRF header; `payload` undefined sends no body. */
export async function send(
  t: TestApp,
  caller: Pick<Caller, 'cookie' | 'csrf'>,
  method: Operation['method'],
  url: string,
  payload?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const res = await t.app.inject({
    method,
    url,
    headers: {
      ...(caller.cookie && { cookie: caller.cookie }),
      ...(caller.csrf && { 'x-csrf-token': caller.csrf }),
      ...headers,
    },
    ...(payload !== undefined && { payload: payload as Record<string, unknown> }),
  });
  tally.requests += 1;
  if (res.statusCode >= 500) tally.serverErrors += 1;
  return { status: res.statusCode, body: comparable(res.body, res.headers['content-type']) };
}

function comparable(raw: string, type: unknown): unknown {
  if (!String(type).includes('json')) return `${String(type)}: ${raw.length} bytes`;
  return JSON.parse(raw, (key, value: unknown) =>
    key === 'requestId' || key === 'now' || key === 'generatedAt' ? undefined : value,
  ) as unknown;
}

export const RANDOM_ID = '00000000-0000-4000-8000-00000000dead';

/** The path with {code} as 101, the given ids, and every other placeholder as `fallback`. */
export function fillPath(
  path: string,
  ids: Record<string, string>,
  fallback = '00000000-0000-4000-8000-000000000000',
): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) =>
    name === 'code' ? '101' : (ids[name] ?? fallback),
  );
}
