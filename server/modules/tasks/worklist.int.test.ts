import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CurrentUser } from '../../access/sessions.ts';
import { seedDemo } from '../../demo/seed.ts';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  client,
  createCase,
  createInquiryRow,
  createPerson,
  type Client,
} from '../../test/records.ts';
import { createUsers, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { WorkListSectionSchema } from './schema.ts';
import { insertRenewedOffer } from './tasks.fixtures.ts';
import { endOfWeek, workList } from './worklist.ts';

/**
 * The start page's work list: each section shows a task when it is due and drops it when it is
 * done; a user who may not see the case or inquiry never gets it; counts cover every task while
 * the items are the first five; the "days without assessment or plan" setting moves the line.
 */
interface Task {
  id: string;
  kind: string;
  overdue: boolean;
  caseId: string | null;
  inquiryId: string | null;
  tab: string | null;
}
interface WorkList {
  sections: { section: string; count: number; items: Task[] }[];
}

let t: TestApp;
let users: Record<'coordinator' | 'colleague' | 'caseworker' | 'elsewhere' | 'admin', TestUser>;
const as: Record<string, Client> = {};
const today = danishToday(new Date());
const DAY = 86_400_000;
let person: { id: string };
let oldCase: { id: string; reference: string };
let newCase: { id: string };

async function workListOf(name: string): Promise<WorkList> {
  const res = await callerIn(as, name).get('/api/tasks/work-list');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as WorkList;
}

/** The section's tasks as `kind:id`, from the items (all of them when the count is small). */
async function section(name: string, which: string): Promise<string[]> {
  const found = (await workListOf(name)).sections.find((s) => s.section === which);
  expect(found, which).toBeDefined();
  return (found?.items ?? []).map((i) => `${i.kind}:${i.id}`);
}

async function caseOpenedDaysAgo(days: number) {
  const db = t.database.db;
  const made = await createCase(db, {
    persons: [{ id: person.id }],
    members: [
      { userId: users.coordinator.id, role: 'coordinator' },
      { userId: users.caseworker.id, role: 'member' },
    ],
  });
  await db
    .updateTable('cases')
    .set({ opened_at: new Date(Date.now() - days * DAY) })
    .where('id', '=', made.id)
    .execute();
  // The citizen was told of the processing, so the case's only missing work is what these tests
  // are about (the notice's own task is tested in server/modules/notice).
  await db
    .insertInto('case_notices')
    .values({
      id: randomUUID(),
      case_id: made.id,
      municipality_code: '101',
      person_id: person.id,
      outcome: 'informed',
      method: 'letter',
      given_on: today,
      recorded_by: users.coordinator.id,
    })
    .execute();
  return made;
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  users = await createUsers(db, {
    coordinator: 'coordinator',
    colleague: 'coordinator',
    caseworker: 'caseworker',
    elsewhere: ['coordinator', '147'],
    admin: 'municipal_admin',
  });
  person = await createPerson(db, { givenName: 'Arbejdslistenavn', familyName: 'Borgersen' });
  oldCase = await caseOpenedDaysAgo(20);
  newCase = await caseOpenedDaysAgo(3);
  await logInAll(t, users, as);
});
afterAll(() => t.close());

describe(`the start page's work list (${testEngine})`, () => {
  it('lists a case without assessment and plan after 14 days for its coordinator only', async () => {
    const missing = await section('coordinator', 'casesWithoutWork');
    expect(missing.sort()).toEqual(
      [`case_without_assessment:${oldCase.id}`, `case_without_plan:${oldCase.id}`].sort(),
    );
    expect(missing.join()).not.toContain(newCase.id);
    const items = (await workListOf('coordinator')).sections.flatMap((s) => s.items);
    expect(items.find((i) => i.kind === 'case_without_plan')).toMatchObject({
      caseId: oldCase.id,
      tab: 'plan',
    });
    expect(items.find((i) => i.kind === 'case_without_assessment')?.tab).toBe('assessment');
    // A coordinator who is not on the case, and a member who is not its coordinator: nothing.
    expect(await section('colleague', 'casesWithoutWork')).toEqual([]);
    expect(await section('caseworker', 'casesWithoutWork')).toEqual([]);
    expect(await section('elsewhere', 'casesWithoutWork')).toEqual([]);
  });

  it('drops the case when the assessment is final and the plan approved', async () => {
    const db = t.database.db;
    await db
      .insertInto('case_assessments')
      .values({
        case_id: oldCase.id,
        number: 1,
        status: 'final',
        created_by: users.coordinator.id,
        finalised_by: users.coordinator.id,
        finalised_at: new Date(),
      })
      .execute();
    expect(await section('coordinator', 'casesWithoutWork')).toEqual([
      `case_without_plan:${oldCase.id}`,
    ]);
    const plan = await db
      .insertInto('case_plans')
      .values({
        case_id: oldCase.id,
        number: 1,
        status: 'approved',
        created_by: users.coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await section('coordinator', 'casesWithoutWork')).toEqual([]);
    await db.deleteFrom('case_plans').where('id', '=', plan.id).execute();
    await db.deleteFrom('case_assessments').where('case_id', '=', oldCase.id).execute();
  });

  it("follows the municipality's setting for the number of days", async () => {
    const settings = await callerIn(as, 'admin').patch('/api/municipality-settings', {
      version: 0,
      caseStartDays: 30,
    });
    expect(settings.statusCode, settings.body).toBe(200);
    expect(await section('coordinator', 'casesWithoutWork')).toEqual([]);
    const back = await callerIn(as, 'admin').patch('/api/municipality-settings', {
      version: 1,
      caseStartDays: 2,
    });
    expect(back.statusCode, back.body).toBe(200);
    const missing = await section('coordinator', 'casesWithoutWork');
    expect(missing).toHaveLength(4);
    expect(missing.join()).toContain(newCase.id);
  });

  it('counts every task of a section and shows the first five', async () => {
    await caseOpenedDaysAgo(25);
    const list = await workListOf('coordinator');
    const missing = list.sections.find((s) => s.section === 'casesWithoutWork');
    expect(missing?.count).toBe(6);
    expect(missing?.items).toHaveLength(5);
    expect(list.sections.map((s) => s.section)).toEqual(WorkListSectionSchema.options);
  });

  it('puts an overdue follow-up under overdue and one due this week under this week, until held', async () => {
    const db = t.database.db;
    const overdue = await db
      .insertInto('case_follow_ups')
      .values({ case_id: oldCase.id, due_on: addDays(today, -2) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const week = await db
      .insertInto('case_follow_ups')
      .values({ case_id: newCase.id, due_on: endOfWeek(today) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const later = await db
      .insertInto('case_follow_ups')
      .values({ case_id: newCase.id, due_on: addDays(endOfWeek(today), 1) })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await section('coordinator', 'overdue')).toEqual([`follow_up:${overdue.id}`]);
    expect(await section('coordinator', 'thisWeek')).toEqual([`follow_up:${week.id}`]);
    const all = (await workListOf('coordinator')).sections.flatMap((s) => s.items);
    expect(all.map((i) => i.id)).not.toContain(later.id);
    expect(await section('colleague', 'overdue')).toEqual([]);
    await db
      .updateTable('case_follow_ups')
      .set({
        status: 'done',
        held_on: today,
        concern_level: 'low',
        recorded_by: users.coordinator.id,
        recorded_at: new Date(),
      })
      .where('id', '=', overdue.id)
      .execute();
    expect(await section('coordinator', 'overdue')).toEqual([]);
  });

  it('shows a submitted plan as an approval waiting, until it is decided', async () => {
    const db = t.database.db;
    const plan = await db
      .insertInto('case_plans')
      .values({
        case_id: newCase.id,
        number: 1,
        status: 'submitted',
        created_by: users.caseworker.id,
        submitted_by: users.caseworker.id,
        submitted_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect(await section('coordinator', 'approvals')).toEqual([`plan_approval:${plan.id}`]);
    expect(await section('colleague', 'approvals')).toEqual([]);
    expect(await section('caseworker', 'approvals')).toEqual([]);
    await db
      .updateTable('case_plans')
      .set({ status: 'approved', decided_by: users.coordinator.id, decided_at: new Date() })
      .where('id', '=', plan.id)
      .execute();
    expect(await section('coordinator', 'approvals')).toEqual([]);
  });

  it("shows a new inquiry to the municipality's coordinators until it is triaged", async () => {
    const db = t.database.db;
    const inquiry = await createInquiryRow(db, {
      createdBy: users.caseworker.id,
      persons: [person.id],
      deadlineAt: new Date(Date.now() + 30 * DAY),
    });
    for (const name of ['coordinator', 'colleague']) {
      expect(await section(name, 'newInquiries')).toEqual([`inquiry_triage:${inquiry.id}`]);
    }
    expect(await section('caseworker', 'newInquiries')).toEqual([]);
    expect(await section('elsewhere', 'newInquiries')).toEqual([]);
    await db
      .updateTable('inquiries')
      .set({ status: 'triaged' })
      .where('id', '=', inquiry.id)
      .execute();
    expect(await section('coordinator', 'newInquiries')).toEqual([]);
  });

  it('shows a renewed offer due for the case coordinator until it is made', async () => {
    const db = t.database.db;
    const renewal = await insertRenewedOffer(db, {
      caseId: oldCase.id,
      personId: person.id,
      createdBy: users.coordinator.id,
      dueOn: addDays(today, 3),
    });
    expect(await section('coordinator', 'offers')).toEqual([`offer_renewal:${renewal}`]);
    expect(await section('colleague', 'offers')).toEqual([]);
    await db
      .updateTable('case_offers')
      .set({ status: 'declined', offered_on: today, answered_on: today })
      .where('id', '=', renewal)
      .execute();
    expect(await section('coordinator', 'offers')).toEqual([]);
  });

  it('names no one, writes no audit entry and needs a session', async () => {
    const res = await callerIn(as, 'coordinator').get('/api/tasks/work-list');
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('Arbejdslistenavn');
    expect(res.body).not.toContain('Borgersen');
    expect(await auditRowsOf(t.database.db, res)).toEqual([]);
    expect((await client(t.app, null).get('/api/tasks/work-list')).statusCode).toBe(401);
  });

  it('gives the demo coordinator a work list with an overdue follow-up, a case without plan and a new inquiry', async () => {
    const db = t.database.db;
    await seedDemo(db, { secretKey: testKeys.secret, auditKey: testKeys.audit });
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'demo.tovholder')
      .executeTakeFirstOrThrow();
    const units = await db
      .selectFrom('user_units')
      .select('unit_id')
      .where('user_id', '=', row.id)
      .execute();
    const user = {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      roles: row.roles,
      municipalityCode: row.municipality_code,
      policeDistrictId: row.police_district_id,
      unitIds: units.map((u) => u.unit_id),
      totpEnabled: true,
    } as CurrentUser;
    const list = await workList({ db, user });
    const kinds = (name: string) =>
      list.sections.find((s) => s.section === name)?.items.map((i) => i.kind) ?? [];
    expect(kinds('overdue')).toContain('follow_up');
    expect(kinds('casesWithoutWork')).toContain('case_without_plan');
    expect(kinds('newInquiries')).toContain('inquiry_triage');
  });
});
