import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, createCase, createPerson, displayNameOf } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import {
  t,
  theCase,
  citizen,
  coordinator,
  member,
  type PlanJson,
  type ListJson,
  caller,
  url,
  fieldsOf,
  topKey,
  subKey,
  content,
  goal,
  storedPlan,
  eventsOf,
  usePlansFixtures,
} from './plans.fixtures.ts';

usePlansFixtures();

let plan1: PlanJson;

describe(`action plan (${testEngine})`, () => {
  it('lists no versions for a case without a plan (200, audited) and has no PDF (404)', async () => {
    const res = await caller('member').get(url('/plans'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ approval: 'coordinator', items: [] });
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => r.subject_person_id).sort()).toHaveLength(2);
    expect(audit.map((r) => r.subject_person_id)).toContain(citizen.id);
    expect((await caller('member').get(url('/plan.pdf'))).statusCode).toBe(404);
  });

  it('starts a draft (201) idempotently (200 with the same draft)', async () => {
    const first = await caller('member').post(url('/plans'), {});
    expect(first.statusCode, first.body).toBe(201);
    plan1 = first.json() as PlanJson;
    expect(plan1).toMatchObject({ number: 1, status: 'draft', version: 1, goals: [] });
    const audit = await auditRowsOf(t.database.db, first);
    expect(audit[0]).toMatchObject({
      action: 'create',
      resource_type: 'case_plan',
      resource_id: plan1.id,
    });
    const again = await caller('coordinator').post(url('/plans'), {});
    expect(again.statusCode).toBe(200);
    expect((again.json() as PlanJson).id).toBe(plan1.id);
    const count = await t.database.db
      .selectFrom('case_plans')
      .select('id')
      .where('case_id', '=', theCase.id)
      .execute();
    expect(count).toHaveLength(1);
    expect(await eventsOf('plan_drafted')).toBe(1);
  });

  it.each([
    [
      'a goal without a responsible person',
      () => ({ goals: [{ ...goal(0), responsible: undefined }] }),
      'body.goals.0.responsible:goal_responsible_required',
    ],
    [
      'a goal with an empty responsible person',
      () => ({ goals: [{ ...goal(0), responsible: {} }] }),
      'body.goals.0.responsible:goal_responsible_required',
    ],
    [
      'a responsible user who is not on the case',
      () => ({ goals: [{ ...goal(0), responsible: { userId: randomUUID() } }] }),
      'body.goals.0.responsible:goal_responsible_not_member',
    ],
    [
      'a sub-goal with an unknown parent',
      () => ({ goals: [goal(0), { ...goal(1), parentKey: randomUUID() }] }),
      'body.goals.1.parentKey:goal_parent_unknown',
    ],
    [
      'a sub-goal under a sub-goal',
      () => ({ goals: [goal(0), goal(1), { ...goal(1), key: randomUUID(), parentKey: subKey }] }),
      'body.goals.2.parentKey:goal_parent_not_top_level',
    ],
    [
      'two goals with the same key',
      () => ({ goals: [goal(0), { ...goal(1), key: topKey, parentKey: null }] }),
      'body.goals.1.key:duplicate',
    ],
    [
      'a goal without a target date',
      () => ({ goals: [{ ...goal(0), targetDate: '' }] }),
      'body.goals.0.targetDate:required',
    ],
    [
      'an end before the start',
      () => ({ startsOn: '2026-05-01', endsOn: '2026-04-30' }),
      'body.endsOn:plan_ends_before_start',
    ],
    [
      'a follow-up interval under 7 days',
      () => ({ followUpIntervalDays: 3 }),
      'body.followUpIntervalDays:too_small_number',
    ],
  ])('refuses %s (400 at the field, nothing stored)', async (_, overrides, problem) => {
    const before = await storedPlan(plan1.id);
    const res = await caller('member').put(url(`/plans/${plan1.id}`), {
      version: before.version,
      ...content(overrides()),
    });
    expect(res.statusCode, res.body).toBe(400);
    expect(fieldsOf(res)).toContain(problem);
    expect(await storedPlan(plan1.id)).toEqual(before);
  });

  it('saves the draft, refuses a stale version (409 with the current one)', async () => {
    const res = await caller('member').put(url(`/plans/${plan1.id}`), {
      version: 1,
      ...content(),
    });
    expect(res.statusCode, res.body).toBe(200);
    const saved = res.json() as PlanJson;
    expect(saved.version).toBe(2);
    expect(saved.goals).toEqual([
      expect.objectContaining({
        key: topKey,
        parentKey: null,
        responsible: { userId: member.id, name: await displayNameOf(t.database.db, member.id) },
      }),
      expect.objectContaining({
        key: subKey,
        parentKey: topKey,
        responsible: { userId: null, name: 'Jonas' },
      }),
    ]);
    expect(saved.agreements).toHaveLength(2);
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.every((r) => r.resource_type === 'case_plan')).toBe(true);
    expect(JSON.stringify(audit.map((r) => r.details))).not.toContain('Jonas');

    const before = await storedPlan(plan1.id);
    const stale = await caller('coordinator').put(url(`/plans/${plan1.id}`), {
      version: 1,
      ...content({ purpose: 'Noget andet' }),
    });
    expect(stale.statusCode).toBe(409);
    expect((stale.json() as { error: { meta: unknown } }).error.meta).toEqual({
      currentVersion: 2,
    });
    expect(await storedPlan(plan1.id)).toEqual(before);
  });

  it('submits (coordinators notified), refuses edits while submitted, and only coordinators decide', async () => {
    const submitted = await caller('member').post(url(`/plans/${plan1.id}/submit`), {
      version: 2,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', version: 3 });
    expect(await eventsOf('plan_submitted')).toBe(1);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'details'])
      .where('case_id', '=', theCase.id)
      .where('kind', '=', 'plan_awaiting_approval')
      .execute();
    expect(notes).toEqual([{ user_id: coordinator.id, details: { planId: plan1.id } }]);

    const edit = await caller('member').put(url(`/plans/${plan1.id}`), {
      version: 3,
      ...content(),
    });
    expect(edit.statusCode).toBe(400);
    expect(fieldsOf(edit)).toEqual(['plan.status:plan_submitted']);

    const before = await storedPlan(plan1.id);
    const byMember = await caller('member').post(url(`/plans/${plan1.id}/approve`), {
      version: 3,
    });
    expect(byMember.statusCode).toBe(403);
    const rejectByMember = await caller('member').post(url(`/plans/${plan1.id}/reject`), {
      version: 3,
      comment: 'Nej',
    });
    expect(rejectByMember.statusCode).toBe(403);
    expect(await storedPlan(plan1.id)).toEqual(before);
  });

  it('sends back with a required comment; the plan becomes a draft again when saved', async () => {
    const noComment = await caller('coordinator').post(url(`/plans/${plan1.id}/reject`), {
      version: 3,
    });
    expect(noComment.statusCode).toBe(400);
    expect(fieldsOf(noComment)).toEqual(['body.comment:required']);
    const rejected = await caller('coordinator').post(url(`/plans/${plan1.id}/reject`), {
      version: 3,
      comment: 'Tilføj en aftale om fritidsjob.',
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json()).toMatchObject({
      status: 'rejected',
      decisionComment: 'Tilføj en aftale om fritidsjob.',
      decidedBy: { id: coordinator.id },
      version: 4,
    });
    expect(await eventsOf('plan_rejected')).toBe(1);
    // The member who sent it for approval is told it came back.
    const told = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'details'])
      .where('case_id', '=', theCase.id)
      .where('kind', '=', 'plan_rejected')
      .execute();
    expect(told).toEqual([{ user_id: member.id, details: { planId: plan1.id } }]);
    // A rejected plan cannot be submitted as it is.
    const resubmit = await caller('member').post(url(`/plans/${plan1.id}/submit`), {
      version: 4,
    });
    expect(fieldsOf(resubmit)).toEqual(['plan.status:plan_not_draft']);
    const saved = await caller('member').put(url(`/plans/${plan1.id}`), {
      version: 4,
      ...content({ agreements: [...content().agreements, 'Jonas søger fritidsjob i april.'] }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ status: 'draft', version: 5 });
  });

  it('approves (a draft directly, by a coordinator): event, audit, and an approved plan never changes', async () => {
    const withMeeting = await caller('coordinator').post(url(`/plans/${plan1.id}/approve`), {
      version: 5,
      steeringGroupMeetingOn: danishToday(new Date()),
    });
    expect(withMeeting.statusCode).toBe(400);
    expect(fieldsOf(withMeeting)).toEqual([
      'body.steeringGroupMeetingOn:plan_steering_group_not_used',
    ]);
    const approved = await caller('coordinator').post(url(`/plans/${plan1.id}/approve`), {
      version: 5,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({
      status: 'approved',
      decidedBy: { id: coordinator.id },
      decisionComment: null,
      version: 6,
    });
    expect(await eventsOf('plan_approved')).toBe(1);
    // (The follow-ups the approval schedules write their own entries.)
    const audit = (await auditRowsOf(t.database.db, approved)).filter(
      (r) => r.resource_type === 'case_plan',
    );
    expect(audit.length).toBeGreaterThan(0);
    expect(audit[0]).toMatchObject({
      action: 'update',
      resource_type: 'case_plan',
      resource_id: plan1.id,
      actor_user_id: coordinator.id,
    });

    const before = await storedPlan(plan1.id);
    const edit = await caller('coordinator').put(url(`/plans/${plan1.id}`), {
      version: 6,
      ...content(),
    });
    expect(edit.statusCode).toBe(400);
    expect(fieldsOf(edit)).toEqual(['plan.status:plan_not_editable']);
    const again = await caller('coordinator').post(url(`/plans/${plan1.id}/approve`), {
      version: 6,
    });
    expect(fieldsOf(again)).toEqual(['plan.status:plan_not_awaiting_approval']);
    expect(await storedPlan(plan1.id)).toEqual(before);
  });

  it('a new version copies the approved one (same goal keys); approving it supersedes the old', async () => {
    const created = await caller('member').post(url('/plans'), {});
    expect(created.statusCode).toBe(201);
    const plan2 = created.json() as PlanJson;
    expect(plan2).toMatchObject({ number: 2, status: 'draft', basedOnId: plan1.id });
    expect(plan2.goals.map((g) => g.key)).toEqual([topKey, subKey]);
    expect(plan2.agreements).toHaveLength(3);

    const submitted = await caller('member').post(url(`/plans/${plan2.id}/submit`), {
      version: 1,
    });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const approved = await caller('coordinator').post(url(`/plans/${plan2.id}/approve`), {
      version: 2,
    });
    expect(approved.statusCode, approved.body).toBe(200);
    const list = (await caller('member').get(url('/plans'))).json() as ListJson;
    expect(list.items.map((p) => [p.number, p.status])).toEqual([
      [2, 'approved'],
      [1, 'superseded'],
    ]);
    expect(list.items[0]?.submittedBy?.id).toBe(member.id);
  });

  it('gives the PDF: attachment without names in the file name, no-store, audited', async () => {
    const res = await caller('member').get(url('/plan.pdf'));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/pdf/);
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="handleplan-${theCase.reference}-v2.pdf"`,
    );
    expect(res.headers['cache-control']).toBe('no-store');
    const audit = await auditRowsOf(t.database.db, res);
    expect(audit.map((r) => r.subject_person_id)).toContain(citizen.id);
    expect(audit.every((r) => r.action === 'read')).toBe(true);

    const english = await caller('member').get(url(`/plan.pdf?planId=${plan1.id}`), {
      'accept-language': 'en',
    });
    expect(english.statusCode).toBe(200);
    expect(english.headers['content-disposition']).toContain('-v1.pdf');
    // A version the case does not have: a Danish message on the field (the same for any id).
    const unknown = await caller('member').get(url(`/plan.pdf?planId=${randomUUID()}`));
    expect(unknown.statusCode).toBe(400);
    expect(fieldsOf(unknown)).toEqual(['query.planId:plan_version_unknown']);
    expect(unknown.body).toContain('Sagen har ikke den version af handleplanen');
  });

  it('non-members get 404 and intervention-scoped members 403, and nothing changes', async () => {
    const before = await storedPlan(plan1.id);
    for (const who of ['outsider', 'mentor'] as const) {
      const want = who === 'outsider' ? 404 : 403;
      expect((await caller(who).get(url('/plans'))).statusCode, who).toBe(want);
      expect((await caller(who).get(url('/plan.pdf'))).statusCode, who).toBe(want);
      expect((await caller(who).post(url('/plans'), {})).statusCode, who).toBe(want);
      expect(
        (await caller(who).put(url(`/plans/${plan1.id}`), { version: 6, ...content() })).statusCode,
        who,
      ).toBe(want);
      expect(
        (await caller(who).post(url(`/plans/${plan1.id}/approve`), { version: 6 })).statusCode,
        who,
      ).toBe(want);
    }
    expect(await storedPlan(plan1.id)).toEqual(before);
  });

  it('takes no new plan in a closed case', async () => {
    const person = await createPerson(t.database.db);
    const closed = await createCase(t.database.db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await t.database.db
      .updateTable('cases')
      .set({ status: 'closed' })
      .where('id', '=', closed.id)
      .execute();
    const res = await caller('coordinator').post(url('/plans', closed.id), {});
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['case.status:case_closed']);
  });
});
