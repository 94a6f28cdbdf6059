import { describe, expect, it } from 'vitest';
import { auditRowsOf } from '../../test/records.ts';
import { testEngine } from '../../test/database.ts';
import { caller, richCase, t } from '../closure/closure.fixtures.ts';
import { useDisclosureFixtures } from './disclosures.fixtures.ts';
import type { ReadLog } from './schema.ts';

/**
 * The case's read log (issue 13 part 9): who has read the case — role, unit, when, purpose —
 * from this case's audit entries alone; for the case's coordinators and the data-protection role
 * (with employee names) only; reading it is itself audited.
 */
useDisclosureFixtures();

const log = (caseId: string, query = '') => `/api/cases/${caseId}/read-log${query}`;

describe(`the case's read log (${testEngine})`, () => {
  it("shows the coordinator who read this case and nothing of another case's reads (ASVS 8.2.2)", async () => {
    const c = await richCase();
    const other = await richCase();
    expect((await caller('member').get(`/api/cases/${c.id}`)).statusCode).toBe(200);
    expect((await caller('forum').get(`/api/cases/${other.id}`)).statusCode).toBe(200);

    const res = await caller('coordinator').get(log(c.id));
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as ReadLog;
    expect(body.employeeNamesShown).toBe(false);
    expect(body.items.some((i) => i.role === 'caseworker' && i.purpose === 'case_work')).toBe(true);
    expect(body.items.some((i) => i.role === 'forum_member')).toBe(false);
    expect(body.items.every((i) => i.employeeName === undefined)).toBe(true);
    // One row per request, though the entries are written once per person of the case.
    const caseworkerReads = body.items.filter((i) => i.role === 'caseworker');
    expect(caseworkerReads).toHaveLength(1);

    // Reading the log is itself audited, as a read of this case, and shows in the log.
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]).toMatchObject({ action: 'read', resource_type: 'case', resource_id: c.id });
    expect(audit[0]?.details).toMatchObject({ read: 'read_log' });
    const again = (await caller('coordinator').get(log(c.id))).json() as ReadLog;
    expect(again.items[0]).toMatchObject({ role: 'coordinator', part: 'read_log' });
  });

  it('refuses a member who is not the coordinator (403), a non-member (404), and another municipality', async () => {
    const c = await richCase();
    for (const who of ['member', 'forum', 'mentor']) {
      expect((await caller(who).get(log(c.id))).statusCode, who).toBe(403);
    }
    // A caseworker is refused by the route's policy; a coordinator of other cases by the case.
    expect((await caller('outsider').get(log(c.id))).statusCode).toBe(403);
    expect((await caller('outsiderCoordinator').get(log(c.id))).statusCode).toBe(404);
    expect((await caller('foreignDpo').get(log(c.id))).statusCode).toBe(404);
  });

  it('shows the data-protection role the names too, and pages newest first', async () => {
    const c = await richCase();
    for (let i = 0; i < 3; i += 1) await caller('member').get(`/api/cases/${c.id}`);
    const res = await caller('dpo').get(log(c.id, '?limit=2'));
    expect(res.statusCode, res.body).toBe(200);
    const first = res.json() as ReadLog;
    expect(first.employeeNamesShown).toBe(true);
    expect(first.items).toHaveLength(2);
    expect(first.items[0]?.employeeName).toMatch(/Test Bruger/);
    expect(first.nextCursor).not.toBeNull();
    const second = (
      await caller('dpo').get(log(c.id, `?limit=2&after=${first.nextCursor ?? ''}`))
    ).json() as ReadLog;
    expect(second.items.length).toBeGreaterThan(0);
    const times = [...first.items, ...second.items].map((i) => i.occurredAt);
    expect(times).toEqual([...times].sort().reverse());
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit[0]).toMatchObject({ purpose: 'data_protection_review', resource_id: c.id });
  });
});
