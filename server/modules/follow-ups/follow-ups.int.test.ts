import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, testKeys, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, client, createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { findCaseAccess } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { danishToday } from '../cases/chronology.ts';
import { runFollowUpJob } from './job.ts';
import { addDays, followUpDates, scheduleFollowUpsForPlan } from './schedule.ts';

/**
 * Follow-ups: scheduled from an approved plan (the exported function the plan approval calls),
 * one more by hand, recorded with the concern level re-judged (up/same/down against the case),
 * goal progress against the approved plan and life-competence ratings; cancelled; the rules
 * (before the case opened, in the future, unknown goal, stale version, closed case) answer 400 or
 * 409 and store nothing; 404 for non-members, 403 for an intervention-scoped member; the job
 * warns the coordinators once about an overdue follow-up of an active case.
 */
let t: TestApp;
let coordinator: TestUser;
let member: TestUser;
let mentor: TestUser;
let outsider: TestUser;
let person: { id: string; name: string };
let theCase: { id: string; reference: string };
let planId: string;
const goalA = randomUUID();
const goalB = randomUUID();
const as: Record<string, Client> = {};
const today = danishToday(new Date());
const openedOn = addDays(today, -60);

function caller(name: 'coordinator' | 'member' | 'mentor' | 'outsider'): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}

const url = (path = '') => `/api/cases/${theCase.id}/follow-ups${path}`;
const fieldsOf = (res: { json(): unknown }) =>
  (
    (res.json() as { error: { fields?: { field: string; code: string }[] } }).error.fields ?? []
  ).map((f) => `${f.field}:${f.code}`);

interface Item {
  id: string;
  planId: string | null;
  dueOn: string;
  status: string;
  overdue: boolean;
  heldOn: string | null;
  concernLevel: string | null;
  concernChange: string | null;
  goalProgress: { goalKey: string; status: string; note: string | null }[];
  competences: Record<string, number> | null;
  recordedBy: { id: string; name: string } | null;
  version: number;
}
interface List {
  items: Item[];
  goals: { key: string; text: string; status: string }[];
  concernLevel: string | null;
  competenceSeries: { heldOn: string; ratings: Record<string, number> }[];
}

async function asUser(user: TestUser): Promise<CurrentUser> {
  const row = await t.database.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as CurrentUser['roles'],
    municipalityCode: row.municipality_code,
    policeDistrictId: row.police_district_id,
    unitIds: [],
    totpEnabled: true,
  };
}

async function followUpRows(caseId = theCase.id) {
  return t.database.db
    .selectFrom('case_follow_ups')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('due_on')
    .execute();
}

async function caseRow(caseId = theCase.id) {
  return t.database.db
    .selectFrom('cases')
    .select(['concern_level', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

async function events(kind: string, caseId = theCase.id) {
  return t.database.db
    .selectFrom('case_events')
    .select(['kind', 'changes'])
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  member = await createUser(db, { roles: ['caseworker'] });
  mentor = await createUser(db, { roles: ['mentor'] });
  outsider = await createUser(db, { roles: ['caseworker'] });
  person = await createPerson(db);
  theCase = await createCase(db, {
    persons: [{ id: person.id }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: member.id, role: 'member' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  await db
    .updateTable('cases')
    .set({ opened_at: new Date(`${openedOn}T10:00:00Z`) })
    .where('id', '=', theCase.id)
    .execute();
  const plan = await db
    .insertInto('case_plans')
    .values({
      case_id: theCase.id,
      number: 1,
      status: 'approved',
      goals: JSON.stringify([
        {
          key: goalA,
          parentKey: null,
          text: 'Fastholdes i skolen',
          responsible: { userId: member.id },
          targetDate: addDays(today, 30),
          status: 'in_progress',
        },
        {
          key: goalB,
          parentKey: goalA,
          text: 'Møder op hver dag',
          responsible: { name: 'Klasselærer' },
          targetDate: addDays(today, 60),
          status: 'not_started',
        },
      ]),
      starts_on: today,
      follow_up_interval_days: 30,
      created_by: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  planId = plan.id;
  for (const [name, user] of Object.entries({ coordinator, member, mentor, outsider })) {
    as[name] = client(t.app, await login(t.app, user));
  }
});
afterAll(() => t.close());

describe(`follow-ups (${testEngine})`, () => {
  it('answers 200 with empty lists before anything is scheduled, and audits the read', async () => {
    const res = await caller('coordinator').get(url());
    expect(res.statusCode).toBe(200);
    const list = res.json() as List;
    expect(list.items).toEqual([]);
    expect(list.competenceSeries).toEqual([]);
    expect(list.goals.map((g) => g.key)).toEqual([goalA, goalB]);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'read', subject_person_id: person.id });
  });

  it('schedules from an approved plan, more often at the start, replacing the future ones', async () => {
    const db = t.database.db;
    const user = await asUser(coordinator);
    const access = await findCaseAccess(db, user, theCase.id);
    if (!access) throw new Error('no access');
    const ctx = {
      db,
      keys: testKeys,
      user,
      requestId: 'test-schedule',
      ip: '127.0.0.1',
      language: 'da' as const,
    };
    const schedule = {
      id: planId,
      startsOn: today,
      endsOn: addDays(today, 120),
      nextFollowUpOn: addDays(today, 1),
      intervalDays: 30,
    };
    const first = await db
      .transaction()
      .execute((trx) => scheduleFollowUpsForPlan(trx, ctx, access, schedule, today));
    const expected = [1, 16, 31, 61, 91].map((d) => addDays(today, d));
    expect(first).toBe(5);
    expect(followUpDates(schedule, today)).toEqual(expected);
    let rows = await followUpRows();
    expect(rows.map((r) => [r.due_on, r.status, r.plan_id])).toEqual(
      expected.map((d) => [d, 'scheduled', planId]),
    );
    expect((await events('follow_up_scheduled')).at(-1)?.changes).toEqual({
      count: { from: null, to: 5 },
    });

    // Approving again replaces the scheduled ones not yet due; nothing is lost.
    const again = await db
      .transaction()
      .execute((trx) =>
        scheduleFollowUpsForPlan(
          trx,
          ctx,
          access,
          { ...schedule, endsOn: addDays(today, 20) },
          today,
        ),
      );
    expect(again).toBe(2);
    rows = await followUpRows();
    expect(rows.filter((r) => r.status === 'scheduled').map((r) => r.due_on)).toEqual([
      addDays(today, 1),
      addDays(today, 16),
    ]);
    expect(rows.filter((r) => r.status === 'cancelled')).toHaveLength(5);
  });

  it('schedules one more by hand (idempotent on the client id), not before the case opened', async () => {
    const id = randomUUID();
    const res = await caller('member').post(url(), { id, dueOn: addDays(today, 40) });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id, version: 1 });
    const retry = await caller('member').post(url(), { id, dueOn: addDays(today, 40) });
    expect(retry.statusCode).toBe(200);
    expect((await followUpRows()).filter((r) => r.id === id)).toHaveLength(1);

    const before = (await followUpRows()).length;
    const early = await caller('member').post(url(), { dueOn: addDays(openedOn, -1) });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.dueOn:before_case_opened']);
    const both = await caller('member').post(url(), {
      dueOn: addDays(today, 3),
      concernLevel: 'low',
    });
    expect(both.statusCode).toBe(400);
    expect(fieldsOf(both)).toEqual(['body.concernLevel:schedule_only']);
    const neither = await caller('member').post(url(), {});
    expect(fieldsOf(neither)).toEqual(['body.dueOn:required']);
    expect((await followUpRows()).length).toBe(before);
  });

  it('records a scheduled follow-up: concern up against the case, goal progress, competences', async () => {
    await t.database.db
      .updateTable('cases')
      .set({ concern_level: 'moderate' })
      .where('id', '=', theCase.id)
      .execute();
    const caseBefore = await caseRow();
    const target = (await followUpRows()).find((r) => r.status === 'scheduled');
    if (!target) throw new Error('nothing scheduled');
    const res = await caller('member').post(url(`/${target.id}/record`), {
      version: target.version,
      heldOn: today,
      concernLevel: 'high',
      summary: 'Samtale med far og søn.',
      goalProgress: [{ goalKey: goalA, status: 'in_progress', note: 'Kommer det meste af tiden' }],
      competences: { network: 2, focus: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: target.id, version: target.version + 1 });
    const stored = (await followUpRows()).find((r) => r.id === target.id);
    expect(stored).toMatchObject({
      status: 'done',
      held_on: today,
      concern_level: 'high',
      concern_change: 'up',
      recorded_by: member.id,
    });
    const after = await caseRow();
    expect(after.concern_level).toBe('high');
    expect(after.version).toBe(caseBefore.version);
    expect((await events('follow_up_recorded')).at(-1)?.changes).toEqual({
      concernLevel: { from: 'moderate', to: 'high' },
    });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit[0]).toMatchObject({
      action: 'update',
      resource_type: 'case_follow_up',
      resource_id: target.id,
      subject_person_id: person.id,
    });
    expect(JSON.stringify(audit)).not.toContain('Samtale');

    // Recording it again is refused: only a scheduled follow-up can be recorded.
    const twice = await caller('member').post(url(`/${target.id}/record`), {
      version: target.version + 1,
      heldOn: today,
      concernLevel: 'low',
    });
    expect(twice.statusCode).toBe(400);
    expect(fieldsOf(twice)).toEqual(['params.followUpId:follow_up_not_scheduled']);
  });

  it('records an unscheduled follow-up at once: concern down, competences in the series', async () => {
    const id = randomUUID();
    const heldOn = addDays(today, -2);
    const res = await caller('coordinator').post(url(), {
      id,
      heldOn,
      concernLevel: 'low',
      competences: { network: 3, focus: 2, empathy: 4 },
    });
    expect(res.statusCode).toBe(201);
    const stored = (await followUpRows()).find((r) => r.id === id);
    expect(stored).toMatchObject({
      status: 'done',
      due_on: heldOn,
      held_on: heldOn,
      concern_change: 'down',
    });
    // Held before the newer follow-up: the case keeps the newer judgement.
    expect((await caseRow()).concern_level).toBe('high');

    const list = (await caller('coordinator').get(url())).json() as List;
    expect(list.concernLevel).toBe('high');
    expect(list.competenceSeries).toEqual([
      { heldOn, ratings: { network: 3, focus: 2, empathy: 4 } },
      { heldOn: today, ratings: { network: 2, focus: 1 } },
    ]);
    const recorded = list.items.find((i) => i.status === 'done' && i.heldOn === today);
    expect(recorded?.goalProgress).toEqual([
      { goalKey: goalA, status: 'in_progress', note: 'Kommer det meste af tiden' },
    ]);
    expect(recorded?.recordedBy?.id).toBe(member.id);
  });

  it('refuses a date before the case opened, in the future, an unknown goal: 400, nothing stored', async () => {
    const target = (await followUpRows()).find((r) => r.status === 'scheduled');
    if (!target) throw new Error('nothing scheduled');
    const snapshot = JSON.stringify(await followUpRows());
    const caseBefore = await caseRow();
    const body = { version: target.version, concernLevel: 'low' };
    const early = await caller('member').post(url(`/${target.id}/record`), {
      ...body,
      heldOn: addDays(openedOn, -1),
    });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.heldOn:before_case_opened']);
    const future = await caller('member').post(url(`/${target.id}/record`), {
      ...body,
      heldOn: addDays(today, 1),
    });
    expect(fieldsOf(future)).toEqual(['body.heldOn:in_future']);
    const unknown = await caller('member').post(url(`/${target.id}/record`), {
      ...body,
      heldOn: today,
      goalProgress: [
        { goalKey: goalB, status: 'achieved' },
        { goalKey: randomUUID(), status: 'achieved' },
      ],
    });
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['body.goalProgress.1.goalKey:unknown_goal']);
    const unscheduled = await caller('member').post(url(), {
      heldOn: addDays(openedOn, -3),
      concernLevel: 'low',
    });
    expect(fieldsOf(unscheduled)).toEqual(['body.heldOn:before_case_opened']);
    const missingLevel = await caller('member').post(url(`/${target.id}/record`), {
      version: target.version,
      heldOn: today,
    });
    expect(missingLevel.statusCode).toBe(400);
    const badRating = await caller('member').post(url(`/${target.id}/record`), {
      ...body,
      heldOn: today,
      competences: { network: 5 },
    });
    expect(badRating.statusCode).toBe(400);
    expect(JSON.stringify(await followUpRows())).toBe(snapshot);
    expect(await caseRow()).toEqual(caseBefore);
  });

  it('answers a stale version with 409, then cancels with the current one', async () => {
    const target = (await followUpRows()).find((r) => r.status === 'scheduled');
    if (!target) throw new Error('nothing scheduled');
    const stale = await caller('member').post(url(`/${target.id}/record`), {
      version: target.version + 5,
      heldOn: today,
      concernLevel: 'low',
    });
    expect(stale.statusCode).toBe(409);
    const staleCancel = await caller('member').post(url(`/${target.id}/cancel`), {
      version: target.version + 5,
    });
    expect(staleCancel.statusCode).toBe(409);
    const cancel = await caller('member').post(url(`/${target.id}/cancel`), {
      version: target.version,
    });
    expect(cancel.statusCode).toBe(200);
    expect((await followUpRows()).find((r) => r.id === target.id)?.status).toBe('cancelled');
    expect((await events('follow_up_scheduled')).at(-1)?.changes).toEqual({
      dueOn: { from: target.due_on, to: null },
    });
    const unknownId = await caller('member').post(url(`/${randomUUID()}/cancel`), { version: 1 });
    expect(unknownId.statusCode).toBe(404);
  });

  it('404 for non-members, 403 for an intervention-scoped member; nothing stored', async () => {
    const before = JSON.stringify(await followUpRows());
    const target = (await followUpRows()).find((r) => r.status === 'scheduled');
    if (!target) throw new Error('nothing scheduled');
    expect((await caller('outsider').get(url())).statusCode).toBe(404);
    expect((await caller('outsider').post(url(), { dueOn: today })).statusCode).toBe(404);
    expect(
      (
        await caller('outsider').post(url(`/${target.id}/record`), {
          version: target.version,
          heldOn: today,
          concernLevel: 'low',
        })
      ).statusCode,
    ).toBe(404);
    expect((await caller('mentor').get(url())).statusCode).toBe(403);
    expect((await caller('mentor').post(url(), { dueOn: today })).statusCode).toBe(403);
    expect(
      (await caller('mentor').post(url(`/${target.id}/cancel`), { version: target.version }))
        .statusCode,
    ).toBe(403);
    expect(JSON.stringify(await followUpRows())).toBe(before);
  });

  it('takes no new follow-ups in a closed case', async () => {
    const closed = await createCase(t.database.db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await t.database.db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', closed.id)
      .execute();
    const res = await caller('coordinator').post(`/api/cases/${closed.id}/follow-ups`, {
      dueOn: today,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['case.status:case_closed']);
    expect(await followUpRows(closed.id)).toEqual([]);
  });
});

describe(`overdue follow-up job (${testEngine})`, () => {
  it('warns the coordinators once, only after the Danish due date, never for a case on hold', async () => {
    const db = t.database.db;
    const active = await createCase(db, {
      persons: [{ id: person.id }],
      members: [
        { userId: coordinator.id, role: 'coordinator' },
        { userId: member.id, role: 'member' },
      ],
    });
    const onHold = await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await db
      .updateTable('cases')
      .set({ status: 'on_hold', on_hold_reason: 'Kontakten er mistet' })
      .where('id', '=', onHold.id)
      .execute();
    const due = await db
      .insertInto('case_follow_ups')
      .values({ case_id: active.id, due_on: '2030-05-10' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const paused = await db
      .insertInto('case_follow_ups')
      .values({ case_id: onHold.id, due_on: '2030-05-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notices = (caseId: string) =>
      db
        .selectFrom('notifications')
        .select(['user_id', 'kind', 'details'])
        .where('case_id', '=', caseId)
        .where('kind', '=', 'follow_up_overdue')
        .execute();

    // 23:59 Danish time on the due date: not overdue yet.
    await runFollowUpJob(db, new Date('2030-05-10T21:59:00Z'));
    expect(await notices(active.id)).toEqual([]);
    // 00:30 Danish time the day after: overdue, the coordinator (only) is told.
    expect(await runFollowUpJob(db, new Date('2030-05-10T22:30:00Z'))).toBe(1);
    const sent = await notices(active.id);
    expect(sent).toEqual([
      { user_id: coordinator.id, kind: 'follow_up_overdue', details: { followUpId: due.id } },
    ]);
    // Never twice.
    expect(await runFollowUpJob(db, new Date('2030-05-12T10:00:00Z'))).toBe(0);
    expect(await notices(active.id)).toHaveLength(1);
    // The case on hold is not chased.
    expect(await notices(onHold.id)).toEqual([]);
    const row = await db
      .selectFrom('case_follow_ups')
      .select('notified_at')
      .where('id', '=', paused.id)
      .executeTakeFirstOrThrow();
    expect(row.notified_at).toBeNull();
  });
});
