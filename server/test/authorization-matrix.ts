import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSONAL_DATA_ROLES, USER_POLICIES } from '../access/policies.ts';
import { startTestApp } from './app.ts';
import { testEngine } from './database.ts';
import {
  RANDOM_ID,
  changedTables,
  createCallers,
  expected,
  fillPath,
  groupOf,
  keyOf,
  loadOperations,
  reportTally,
  send,
  snapshot,
  type Caller,
  type Operation,
  type RouteGroup,
} from './access-matrix.ts';
import { createCase, createForum, createInquiryRow, createPerson } from './records.ts';

/**
 * ASVS 8.2.1 (function-level access) and 8.2.2 (data-specific access): the authorization matrix,
 * generated from the OpenAPI document, for the operations of one route group. For every
 * operation × every kind of caller (anonymous, half logged in, each role), the answer must match
 * the operation's declared policy: 401 without the session it needs, 403 without the right,
 * anything else (200, 400, 404 …) when allowed — and a denied write changes nothing. For a record
 * operation, a caller who is not a member of the record gets 404 exactly as for a missing id, and
 * a member gets through. (Writes with a valid body: `need-to-know-writes-*.int.test.ts`.)
 *
 * One test per operation, so no test waits for the whole document on a busy machine. The app is
 * started while the file is collected: the operations must be known to name the tests.
 */
export async function describeAuthorizationMatrix(group: RouteGroup): Promise<void> {
  const t = await startTestApp();
  const all = await loadOperations(t);
  const operations = all.filter((op) => groupOf(op.path) === group);
  let callers: Caller[] = [];
  beforeAll(async () => {
    callers = await createCallers(t);
  });
  afterAll(() => t.close());
  reportTally(`authorization matrix, ${group} routes`);

  const headersOnly = (caller: Caller) => ({ cookie: caller.cookie, csrf: caller.csrf });

  describe(`authorization matrix, ${group} routes (${testEngine})`, () => {
    it('every documented operation declares a known policy', () => {
      expect(operations.length).toBeGreaterThan(3);
      const known = new Set<string>([
        'public',
        'pending',
        'session',
        ...Object.keys(USER_POLICIES),
      ]);
      for (const op of operations) expect(known.has(op.policy), keyOf(op)).toBe(true);
    });

    for (const op of operations) {
      it(`8.2.1 ${keyOf(op)}: answers every caller as its policy (${op.policy}) says; denied writes change nothing`, async () => {
        expect(await policyFailures(op)).toEqual([]);
      });

      if (op.record) {
        it(`8.2.2 ${keyOf(op)}: a non-member gets 404 as for a missing id and changes nothing; a member gets through`, async () => {
          expect(await recordFailures(op)).toEqual([]);
        });
      }
    }
  });

  async function policyFailures(op: Operation): Promise<string[]> {
    const failures: string[] = [];
    const write = op.method !== 'GET';
    const call = async (caller: Caller) => {
      const want = expected(op, caller);
      const url = fillPath(op.path, {});
      const res = await send(t, headersOnly(caller), op.method, url, write ? {} : undefined);
      const ok =
        want === 'allowed'
          ? res.status !== 401 && res.status !== 403 && res.status < 500
          : res.status === want;
      if (!ok) failures.push(`as ${caller.name}: ${res.status}, expected ${want}`);
    };
    // The denied callers first, between two snapshots: none of them may change anything.
    const before = write ? await snapshot(t.database.db) : undefined;
    for (const caller of callers.filter((c) => expected(op, c) !== 'allowed')) await call(caller);
    const changed = before ? changedTables(before, await snapshot(t.database.db)) : [];
    if (changed.length > 0) failures.push(`denied callers changed ${changed.join(', ')}`);
    for (const caller of callers.filter((c) => expected(op, c) === 'allowed')) {
      if (op.path === '/api/auth/logout') continue; // would end the caller's session
      await call(caller);
    }
    return failures;
  }

  /** Fresh records for one operation, so that memberships given for it touch no other test. */
  async function freshRecords() {
    const db = t.database.db;
    const person = await createPerson(db);
    const record = await createCase(db, { persons: [person] });
    const recorder = callers.find((c) => c.userId)?.userId ?? '';
    const inquiry = await createInquiryRow(db, {
      createdBy: recorder,
      persons: [person.id],
      childReport: true,
    });
    // A plan, so that a member's plan.pdf is found (a case without one answers 404 to all).
    await db
      .insertInto('case_plans')
      .values({ case_id: record.id, number: 1, created_by: recorder })
      .execute();
    return { case: record.id, person: person.id, inquiry: inquiry.id };
  }

  async function recordFailures(op: Operation): Promise<string[]> {
    const db = t.database.db;
    const ids = await freshRecords();
    const write = op.method !== 'GET';
    const call = (caller: Caller, id: string) =>
      send(t, headersOnly(caller), op.method, fillPath(op.path, { id }), write ? {} : undefined);
    const changedSince = async (before: Map<string, string> | undefined) =>
      before ? changedTables(before, await snapshot(db)) : [];
    const failures: string[] = [];
    const members = callers.filter((c) => c.state === 'authenticated');
    const own = ids[op.record ?? 'case'];

    // Non-members: a record they may not see answers exactly like a missing one (404 for reads;
    // writes of an empty body may fail validation first, but then equally for both). The
    // data-protection role answers citizens' access requests for its whole municipality, and the
    // municipality's coordinators receive every inquiry (and so see its persons): by design.
    const beforeOutsiders = write ? await snapshot(db) : undefined;
    for (const caller of members) {
      if (expected(op, caller) !== 'allowed') continue; // the policy test covers 401/403
      const byDesign =
        ((op.path.endsWith('/access-report') || op.path.endsWith('/read-log')) &&
          caller.roles.includes('data_protection')) ||
        ((op.record === 'inquiry' || op.record === 'person') &&
          caller.roles.includes('coordinator'));
      const res = await call(caller, own);
      const asMissing = await call(caller, RANDOM_ID);
      const ok = byDesign
        ? (/\{id\}.*\{\w+\}/.test(op.path) || res.status !== 404) && res.status < 500
        : res.status === asMissing.status &&
          JSON.stringify(res.body) === JSON.stringify(asMissing.body) &&
          (op.method !== 'GET' || res.status === 404);
      if (!ok)
        failures.push(`non-member ${caller.name}: ${res.status} (missing id: ${asMissing.status})`);
    }
    const outsiders = await changedSince(beforeOutsiders);
    if (outsiders.length > 0) failures.push(`non-members changed ${outsiders.join(', ')}`);

    // Members of the case (and of the forum handling the inquiry): allowed through (validation of
    // the empty body may still answer 400, and a member who is not the case's coordinator may get
    // 403 for membership changes), never 404; a member without the policy is denied and changes
    // nothing.
    await db
      .insertInto('case_members')
      .values(
        members.map((c) => ({
          case_id: ids.case,
          user_id: c.userId ?? '',
          role: c.roles.includes('coordinator')
            ? 'coordinator'
            : c.roles.includes('forum_member')
              ? 'forum'
              : 'member',
        })),
      )
      .execute();
    const forum = await createForum(db, { members: members.map((c) => c.userId ?? '') });
    await db
      .updateTable('inquiries')
      .set({ forum_id: forum.id })
      .where('id', '=', ids.inquiry)
      .execute();
    const deniedMembers = members.filter((c) => expected(op, c) !== 'allowed');
    const beforeDenied = write ? await snapshot(db) : undefined;
    for (const caller of deniedMembers) {
      const want = expected(op, caller);
      const res = await call(caller, own);
      if (res.status !== want)
        failures.push(`member ${caller.name}: ${res.status}, expected ${want}`);
    }
    const denied = await changedSince(beforeDenied);
    if (denied.length > 0) failures.push(`denied members changed ${denied.join(', ')}`);
    for (const caller of members.filter((c) => expected(op, c) === 'allowed')) {
      const res = await call(caller, own);
      const mayHandle = PERSONAL_DATA_ROLES.some((r) => caller.roles.includes(r));
      // The data-protection role reads access reports and cases' read logs municipality-wide.
      // The hotline forwards an inquiry it recorded (its place is the recording, not a
      // membership: transfer-access.ts); the empty body is refused by validation first.
      const byDesign =
        ((op.path.endsWith('/access-report') || op.path.endsWith('/read-log')) &&
          caller.roles.includes('data_protection')) ||
        (op.path.endsWith('/forward') && caller.roles.includes('hotline'));
      // A second id in the path (e.g. {userId}) is a random one: its own 404 is fine.
      const subRecord = /\{id\}.*\{\w+\}/.test(op.path);
      const ok =
        mayHandle || byDesign
          ? (subRecord || res.status !== 404) && res.status < 500
          : res.status === 404;
      if (!ok) failures.push(`member ${caller.name}: ${res.status}`);
    }
    return failures;
  }
}
