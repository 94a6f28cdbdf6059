import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './app.ts';
import { testEngine } from './database.ts';
import {
  RANDOM_ID,
  changedTables,
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
import { VALID_BODIES, type Prepared, type WriteFixture } from './valid-bodies.ts';
import { createWorld, freshRecords, type Records, type World } from './write-world.ts';

/** The groups that have a need-to-know-writes test file; a record write elsewhere fails. */
export const WRITE_GROUPS: readonly RouteGroup[] = [
  'cases',
  'case-work',
  'inquiries',
  'citizen-meetings',
];

export const isRecordWrite = (op: Operation) => op.method !== 'GET' && op.record !== undefined;

/** The record the path's {id} names, in the records made for one test. */
export function recordIdOf(op: Operation, r: Records): string {
  if (op.record === 'person') return r.citizenId;
  if (op.record === 'inquiry') return r.inquiryId;
  return r.caseId;
}

export const pathIds = (p: Prepared): Record<string, string> =>
  Object.fromEntries(Object.entries(p).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;

export interface PreparedWrite {
  fixture: WriteFixture;
  records: Records;
  url: string;
  body: Record<string, unknown> | undefined;
  /** What the fixture made first (path ids, versions). */
  prepared: Prepared;
}

/** Fresh records, the fixture's sub-records, and the operation's valid request on them. */
export async function prepareWrite(w: World, op: Operation): Promise<PreparedWrite> {
  const fixture = VALID_BODIES[keyOf(op)];
  if (!fixture) throw new Error(`no valid body for ${keyOf(op)} in server/test/valid-bodies.ts`);
  const records = await freshRecords(w);
  const prepared = (await fixture.prepare?.(w, records)) ?? {};
  return {
    fixture,
    records,
    url: fillPath(op.path, { id: recordIdOf(op, records), ...pathIds(prepared) }),
    body: fixture.body?.(w, records, prepared),
    prepared,
  };
}

/**
 * Non-members who hold the operation's policy: every records role of municipality 101 and a
 * coordinator of another municipality. A municipality's coordinators receive all its inquiries by
 * design, so for inquiries only the other municipality's coordinator stands for them.
 */
export function nonMembersFor(w: World, op: Operation): Caller[] {
  return w.nonMembers.filter(
    (c) => expected(op, c) === 'allowed' && !(op.record === 'inquiry' && c.name === 'coordinator'),
  );
}

/**
 * ASVS 8.2.2 on writes: for every record write operation of the group, with a valid body, each
 * non-member gets 404 with the same body as for unused random ids and changes nothing; then the
 * member's same request is accepted (2xx) and changes the tables the check compares — so neither
 * the 404 nor the "nothing changed" is vacuous.
 */
export async function describeWritesNeedToKnow(group: RouteGroup): Promise<void> {
  const t: TestApp = await startTestApp();
  const all = await loadOperations(t);
  const operations = all.filter((op) => isRecordWrite(op) && groupOf(op.path) === group);
  let w: World;
  beforeAll(async () => {
    w = await createWorld(t);
  });
  afterAll(() => t.close());
  reportTally(`need-to-know on writes, ${group} routes`);

  describe(`need-to-know on writes with valid bodies, ${group} routes (${testEngine})`, () => {
    it('every record write operation has a valid body in server/test/valid-bodies.ts, and no entry is stale', () => {
      const writes = all.filter(isRecordWrite);
      expect(writes.length).toBeGreaterThan(30);
      expect(writes.filter((op) => !VALID_BODIES[keyOf(op)]).map(keyOf)).toEqual([]);
      expect(writes.filter((op) => !WRITE_GROUPS.includes(groupOf(op.path))).map(keyOf)).toEqual(
        [],
      );
      const known = new Set(writes.map(keyOf));
      expect(Object.keys(VALID_BODIES).filter((k) => !known.has(k))).toEqual([]);
    });

    for (const op of operations) {
      it(`8.2.2 ${keyOf(op)}: a non-member's valid request gets 404 as for a random id and changes nothing; a member's is accepted`, async () => {
        const db = t.database.db;
        const write = await prepareWrite(w, op);
        const randomUrl = fillPath(op.path, {}, RANDOM_ID);
        const failures: string[] = [];
        const before = await snapshot(db);
        const outsiders = nonMembersFor(w, op);
        expect(outsiders.length).toBeGreaterThan(0);
        for (const caller of outsiders) {
          const res = await send(t, caller, op.method, write.url, write.body);
          const missing = await send(t, caller, op.method, randomUrl, write.body);
          if (res.status !== 404)
            failures.push(`${caller.name}: ${res.status} ${JSON.stringify(res.body)}`);
          else if (JSON.stringify(res.body) !== JSON.stringify(missing.body)) {
            failures.push(
              `${caller.name}: ${JSON.stringify(res.body)} ≠ ${JSON.stringify(missing.body)}`,
            );
          }
        }
        const changed = changedTables(before, await snapshot(db));
        if (changed.length > 0) failures.push(`non-members changed ${changed.join(', ')}`);

        const member = w.members[write.fixture.as ?? 'coordinator'].caller;
        const accepted = await send(t, member, op.method, write.url, write.body);
        if (accepted.status >= 300) {
          failures.push(
            `member ${member.name}: ${accepted.status} ${JSON.stringify(accepted.body)}`,
          );
        }
        const memberChanged = changedTables(before, await snapshot(db));
        if (!write.fixture.readsOnly && memberChanged.length === 0) {
          failures.push(`member ${member.name}: accepted but no table changed`);
        }
        expect(failures).toEqual([]);
      });
    }
  });
}
