import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testKeys } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, expectOneAudit, createCase } from '../../test/records.ts';
import { findCaseAccess } from '../../access/records.ts';
import { addDays, followUpDates, scheduleFollowUpsForPlan } from './schedule.ts';
import {
  t,
  coordinator,
  member,
  person,
  theCase,
  planId,
  goalA,
  goalB,
  today,
  openedOn,
  type List,
  caller,
  url,
  fieldsOf,
  asUser,
  followUpRows,
  caseRow,
  events,
  useFollowUpsFixtures,
} from './follow-ups.fixtures.ts';

useFollowUpsFixtures();

describe(`follow-ups (${testEngine})`, () => {
  it('answers 200 with empty lists before anything is scheduled, and audits the read', async () => {
    const res = await caller('coordinator').get(url());
    expect(res.statusCode).toBe(200);
    const list = res.json() as List;
    expect(list.items).toEqual([]);
    expect(list.competenceSeries).toEqual([]);
    expect(list.goals.map((g) => g.key)).toEqual([goalA, goalB]);
    await expectOneAudit(t.database.db, res, {
      action: 'read',
      subject_person_id: person.id,
    });
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

  it('gives the concern level over time: final assessments and held follow-ups, oldest first', async () => {
    const db = t.database.db;
    const assessedOn = addDays(today, -10);
    const row = { case_id: theCase.id, created_by: coordinator.id, concern_level: 'moderate' };
    // A final assessment ten days ago (noon Danish time) counts; a draft does not.
    await db
      .insertInto('case_assessments')
      .values({
        ...row,
        number: 1,
        status: 'final',
        finalised_by: coordinator.id,
        finalised_at: new Date(`${assessedOn}T10:00:00Z`),
      })
      .execute();
    await db
      .insertInto('case_assessments')
      .values({ ...row, number: 2, concern_level: 'low' })
      .execute();
    const list = (await caller('coordinator').get(url())).json() as List;
    expect(list.concernSeries).toEqual([
      { on: assessedOn, level: 'moderate', source: 'assessment' },
      { on: addDays(today, -2), level: 'low', source: 'follow_up' },
      { on: today, level: 'high', source: 'follow_up' },
    ]);
  });

  it('names an impossible date and an unchosen level in Danish on their fields, nothing stored', async () => {
    const before = await followUpRows();
    const res = await caller('coordinator').post(url(), {
      id: randomUUID(),
      heldOn: '2026-02-31',
      concernLevel: '',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res).sort()).toEqual([
      'body.concernLevel:choose',
      'body.heldOn:date_not_exist',
    ]);
    const messages = (res.json() as { error: { fields: { message: string }[] } }).error.fields;
    expect(messages.map((f) => f.message).sort()).toEqual([
      'Datoen findes ikke i kalenderen. Tjek dag og måned.',
      'Vælg en af mulighederne.',
    ]);
    expect(await followUpRows()).toEqual(before);
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
    expect(fieldsOf(early)).toEqual(['body.backdateReason:backdate_reason_required']);
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
    expect(fieldsOf(unscheduled)).toEqual(['body.backdateReason:backdate_reason_required']);
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
