import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { findCaseAccess, type CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import { testKeys } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { cancelScheduledFollowUps } from './closing.ts';
import { addDays, scheduleFollowUpsForPlan } from './schedule.ts';
import {
  t,
  coordinator,
  theCase,
  planId,
  today,
  caller,
  url,
  asUser,
  followUpRows,
  useFollowUpsFixtures,
} from './follow-ups.fixtures.ts';

/**
 * The case keeps its next due follow-up (`cases.next_follow_up_due`, 0030) for the overview's
 * sort and overdue filter. After every kind of change to the case's follow-ups — scheduled from
 * a plan, replaced by a new plan, scheduled by hand, recorded (scheduled or at once), cancelled,
 * cancelled by a closure — the stored date equals the one computed from the follow-ups, and the
 * overview shows and sorts by it.
 */
useFollowUpsFixtures();

interface OverviewItem {
  id: string;
  nextFollowUpOn: string | null;
  overdue: boolean;
}

/** The stored next due date, after checking it equals the one computed from the follow-ups. */
async function storedNextDue(): Promise<string | null> {
  const { rows } = await sql<{ stored: string | null; computed: string | null }>`
    select c.next_follow_up_due as stored,
           (select min(f.due_on) from case_follow_ups f
             where f.case_id = c.id and f.municipality_code = c.municipality_code
               and f.status = 'scheduled') as computed
      from cases c where c.id = ${theCase.id}`.execute(t.database.db);
  const row = rows[0];
  expect(row, 'the case').toBeDefined();
  expect(row?.stored, 'stored against computed').toEqual(row?.computed);
  return row?.stored ?? null;
}

async function context(): Promise<{ ctx: RequestContext; access: CaseAccess }> {
  const db = t.database.db;
  const user = await asUser(coordinator);
  const access = await findCaseAccess(db, user, theCase.id);
  if (!access) throw new Error('no access');
  const ctx = {
    db,
    keys: testKeys,
    user,
    requestId: 'test-next-due',
    ip: '127.0.0.1',
    language: 'da' as const,
  };
  return { ctx, access };
}

async function scheduleFromPlan(nextFollowUpOn: string, endsOn: string): Promise<void> {
  const { ctx, access } = await context();
  await t.database.db
    .transaction()
    .execute((trx) =>
      scheduleFollowUpsForPlan(
        trx,
        ctx,
        access,
        { id: planId, startsOn: today, endsOn, nextFollowUpOn, intervalDays: 30 },
        today,
      ),
    );
}

async function overviewItem(query = ''): Promise<OverviewItem | undefined> {
  const res = await caller('coordinator').get(`/api/cases?sort=nextFollowUp${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { items: OverviewItem[] }).items.find((i) => i.id === theCase.id);
}

async function scheduledId(dueOn: string): Promise<{ id: string; version: number }> {
  const row = (await followUpRows()).find((r) => r.status === 'scheduled' && r.due_on === dueOn);
  if (!row) throw new Error(`nothing scheduled on ${dueOn}`);
  return { id: row.id, version: row.version };
}

describe(`the case's next due follow-up (${testEngine})`, () => {
  it('is empty before anything is scheduled', async () => {
    expect(await storedNextDue()).toBeNull();
    expect(await overviewItem()).toMatchObject({ nextFollowUpOn: null, overdue: false });
  });

  it('follows a plan scheduling follow-ups, and a new plan replacing them', async () => {
    await scheduleFromPlan(addDays(today, 5), addDays(today, 120));
    expect(await storedNextDue()).toBe(addDays(today, 5));
    await scheduleFromPlan(addDays(today, 3), addDays(today, 100));
    expect(await storedNextDue()).toBe(addDays(today, 3));
    expect(await overviewItem()).toMatchObject({ nextFollowUpOn: addDays(today, 3) });
  });

  it('follows one scheduled by hand earlier than the rest, and its recording', async () => {
    const id = randomUUID();
    const res = await caller('member').post(url(), { id, dueOn: today });
    expect(res.statusCode, res.body).toBe(201);
    expect(await storedNextDue()).toBe(today);
    expect(await overviewItem('&overdue=false')).toMatchObject({ nextFollowUpOn: today });

    const recorded = await caller('member').post(url(`/${id}/record`), {
      version: 1,
      heldOn: today,
      concernLevel: 'moderate',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(await storedNextDue()).toBe(addDays(today, 3));
  });

  it('stays on the next scheduled one when a follow-up is recorded at once', async () => {
    const res = await caller('coordinator').post(url(), {
      id: randomUUID(),
      heldOn: addDays(today, -1),
      concernLevel: 'low',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(await storedNextDue()).toBe(addDays(today, 3));
  });

  it('moves on when the next one is cancelled, and not when a refused change stores nothing', async () => {
    const next = await scheduledId(addDays(today, 3));
    const stale = await caller('member').post(url(`/${next.id}/cancel`), {
      version: next.version + 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(await storedNextDue()).toBe(addDays(today, 3));

    const cancel = await caller('member').post(url(`/${next.id}/cancel`), {
      version: next.version,
    });
    expect(cancel.statusCode, cancel.body).toBe(200);
    const after = await storedNextDue();
    expect(after).not.toBeNull();
    expect(after! > addDays(today, 3)).toBe(true);
    expect(await overviewItem()).toMatchObject({ nextFollowUpOn: after });
  });

  it('is emptied when a closure cancels the scheduled follow-ups', async () => {
    const { access } = await context();
    const cancelled = await t.database.db
      .transaction()
      .execute((trx) => cancelScheduledFollowUps(trx, access));
    expect(cancelled).toBeGreaterThan(0);
    expect(await storedNextDue()).toBeNull();
    expect(await overviewItem()).toMatchObject({ nextFollowUpOn: null, overdue: false });
  });
});
