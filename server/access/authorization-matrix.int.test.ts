import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { TEST_PASSWORD, cookieFrom, createUser, login } from '../test/users.ts';
import { ROLES, type Role } from './roles.ts';
import { PERSONAL_DATA_ROLES, USER_POLICIES, type PolicyName } from './policies.ts';
import { createCase, createForum, createInquiryRow, createPerson } from '../test/records.ts';
import type { RecordKind } from './compartment.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * ASVS 8.2.1 (function-level access): the authorization matrix, generated from the OpenAPI document. For every
 * documented operation × every kind of caller (anonymous, half logged in, each role), the answer
 * must match the operation's declared policy: 401 without the session it needs, 403 without the
 * right, anything else (200, 400, 404 …) when allowed — and a denied write changes nothing.
 */
interface Operation {
  method: string;
  path: string;
  policy: PolicyName;
  /** The kind of record the path's {id} names, for the member/non-member half of the matrix. */
  record?: RecordKind;
}
interface Caller {
  name: string;
  cookie?: string;
  csrf?: string;
  state: 'anonymous' | 'password_ok' | 'authenticated';
  roles: Role[];
  userId?: string;
}

let t: TestApp;
let operations: Operation[] = [];
const callers: Caller[] = [];

beforeAll(async () => {
  t = await startTestApp();
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { 'x-policy': PolicyName; 'x-record'?: RecordKind }>>;
  };
  operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      policy: op['x-policy'],
      ...(op['x-record'] && { record: op['x-record'] }),
    })),
  );
  callers.push({ name: 'anonymous', state: 'anonymous', roles: [] });
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
    const user = await createUser(t.database.db, {
      roles: [role],
      municipalityCode: role === 'system_admin' ? null : '101',
    });
    const session = await login(t.app, user);
    callers.push({
      name: role,
      state: 'authenticated',
      roles: [role],
      userId: user.id,
      ...session,
    });
  }
});
afterAll(() => t.close());

function expected(op: Operation, caller: Caller): 'allowed' | 401 | 403 {
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

/** Checksums of every table a request could change (not the throttle and audit bookkeeping). */
async function snapshot(): Promise<string> {
  const tables = [
    'users',
    'user_units',
    'recovery_codes',
    'sessions',
    'units',
    'municipalities',
    'app_settings',
    'webauthn_credentials',
    'webauthn_challenges',
    'persons',
    'cases',
    'case_events',
    'case_persons',
    'case_members',
    'access_grants',
    'notifications',
    'forums',
    'inquiries',
    'inquiry_persons',
    'inquiry_signs',
    'inquiry_contributions',
    'inquiry_decisions',
    'inquiry_events',
    'inquiry_drafts',
    'person_relations',
    'municipality_settings',
    'forum_members',
    'intervention_types',
    'case_assessments',
    'case_plans',
    'case_consents',
    'case_interventions',
    'intervention_sessions',
    'case_offers',
    'case_follow_ups',
    'case_closures',
    'case_reviews',
  ];
  const parts = [];
  for (const table of tables) {
    // A session's last_seen_at moves on any request every 30 seconds, allowed or not: not a change.
    const rows =
      table === 'sessions'
        ? sql`(select token_hash, user_id, state, csrf_token, created_at, expires_at from sessions)`
        : sql.table(table);
    const r = await sql<{
      sum: string | null;
    }>`select md5(string_agg(t::text, '|' order by t::text)) as sum from ${rows} t`.execute(
      t.database.db,
    );
    parts.push(`${table}:${r.rows[0]?.sum ?? ''}`);
  }
  return parts.join(',');
}

describe(`authorization matrix from the OpenAPI document (${testEngine})`, () => {
  it('every documented operation declares a known policy', () => {
    expect(operations.length).toBeGreaterThan(10);
    const known = new Set<string>(['public', 'pending', 'session', ...Object.keys(USER_POLICIES)]);
    for (const op of operations) expect(known.has(op.policy), `${op.method} ${op.path}`).toBe(true);
  });

  it('answers every operation × caller as its policy says; denied writes change nothing', async () => {
    const failures: string[] = [];
    for (const op of operations) {
      const url = op.path
        .replace(/\{code\}/g, '101')
        .replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      for (const caller of callers) {
        if (op.path === '/api/auth/logout' && expected(op, caller) === 'allowed') continue; // would end the caller's session
        const write = op.method !== 'GET';
        const before = write ? await snapshot() : '';
        const res = await t.app.inject({
          method: op.method as 'GET',
          url,
          headers: {
            ...(caller.cookie && { cookie: caller.cookie }),
            ...(caller.csrf && { 'x-csrf-token': caller.csrf }),
          },
          ...(write && { payload: {} }),
        });
        const want = expected(op, caller);
        const ok =
          want === 'allowed'
            ? res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode < 500
            : res.statusCode === want;
        if (!ok)
          failures.push(
            `${op.method} ${op.path} as ${caller.name}: ${res.statusCode}, expected ${want}`,
          );
        if (write && want !== 'allowed' && (await snapshot()) !== before) {
          failures.push(
            `${op.method} ${op.path} as ${caller.name}: denied but the database changed`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers every record operation × caller × member/non-member: 404 for non-members, as for a missing id', async () => {
    const db = t.database.db;
    const person = await createPerson(db);
    const record = await createCase(db, { persons: [person] });
    const recorder = callers.find((c) => c.userId)?.userId ?? '';
    const inquiry = await createInquiryRow(db, { createdBy: recorder, persons: [person.id] });
    const idFor: Record<RecordKind, string> = {
      case: record.id,
      person: person.id,
      inquiry: inquiry.id,
    };
    const recordOps = operations.filter((op) => op.record);
    expect(recordOps.length).toBeGreaterThan(2);
    const failures: string[] = [];
    const missing = '00000000-0000-4000-8000-00000000dead';
    const call = async (op: Operation, caller: Caller, id?: string) => {
      const write = op.method !== 'GET';
      const url = op.path
        .replace('{id}', id ?? idFor[op.record ?? 'case'])
        .replace(/\{\w+\}/g, '00000000-0000-4000-8000-000000000000');
      const before = write ? await snapshot() : '';
      const res = await t.app.inject({
        method: op.method as 'GET',
        url,
        headers: { cookie: caller.cookie ?? '', 'x-csrf-token': caller.csrf ?? '' },
        ...(write && { payload: {} }),
      });
      const changed = write && (await snapshot()) !== before;
      return { status: res.statusCode, changed };
    };
    const members = callers.filter((c) => c.state === 'authenticated');

    // Non-members: a record they may not see answers exactly like a missing one (404 for reads;
    // writes may fail validation first, but then equally for both). The
    // data-protection role answers citizens' access requests for its whole municipality, and the
    // municipality's coordinators receive every inquiry (and so see its persons): by design.
    for (const op of recordOps) {
      for (const caller of members) {
        const want = expected(op, caller);
        if (want !== 'allowed') continue; // the first matrix covers 401/403
        const byDesign =
          (op.path.endsWith('/access-report') && caller.roles.includes('data_protection')) ||
          ((op.record === 'inquiry' || op.record === 'person') &&
            caller.roles.includes('coordinator'));
        const { status, changed } = await call(op, caller);
        const asMissing = (await call(op, caller, missing)).status;
        const ok = byDesign
          ? (/\{id\}.*\{\w+\}/.test(op.path) || status !== 404) && status < 500
          : status === asMissing && (op.method !== 'GET' || status === 404);
        if (!ok) failures.push(`${op.method} ${op.path} as non-member ${caller.name}: ${status}`);
        if (changed) failures.push(`${op.method} ${op.path} as non-member ${caller.name}: changed`);
      }
    }

    // Members: allowed through (validation of the empty body may still answer 400, and a member
    // who is not the case's coordinator may get 403 for membership changes), never 404.
    await db
      .insertInto('case_members')
      .values(
        members.map((c) => ({
          case_id: record.id,
          user_id: c.userId ?? '',
          role: c.roles.includes('coordinator')
            ? 'coordinator'
            : c.roles.includes('forum_member')
              ? 'forum'
              : 'member',
        })),
      )
      .execute();
    // … and of the forum handling the inquiry.
    const forum = await createForum(db, { members: members.map((c) => c.userId ?? '') });
    await db
      .updateTable('inquiries')
      .set({ forum_id: forum.id })
      .where('id', '=', inquiry.id)
      .execute();
    for (const op of recordOps) {
      for (const caller of members) {
        const want = expected(op, caller);
        const { status, changed } = await call(op, caller);
        if (want !== 'allowed') {
          if (status !== want)
            failures.push(
              `${op.method} ${op.path} as member ${caller.name}: ${status}, expected ${want}`,
            );
          if (changed)
            failures.push(`${op.method} ${op.path} as member ${caller.name}: denied but changed`);
          continue;
        }
        const mayHandle = PERSONAL_DATA_ROLES.some((r) => caller.roles.includes(r));
        const byDesign =
          op.path.endsWith('/access-report') && caller.roles.includes('data_protection');
        // A second id in the path (e.g. {userId}) is a random one: its own 404 is fine.
        const subRecord = /\{id\}.*\{\w+\}/.test(op.path);
        const ok =
          mayHandle || byDesign ? (subRecord || status !== 404) && status < 500 : status === 404;
        if (!ok) failures.push(`${op.method} ${op.path} as member ${caller.name}: ${status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
