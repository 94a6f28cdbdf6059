import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  client,
  createCase,
  createPerson,
  displayNameOf,
  type Client,
} from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';

/**
 * The action plan: drafts by members with the whole case, submission, approval by the case's
 * coordinators (with the steering group's meeting date when the municipality says so), sending
 * back; goals checked (responsible person, parent goal, keys, time frame) with nothing stored on
 * a refusal; optimistic locking; the PDF for the citizen; 404 for non-members, 403 for a mentor.
 */
let t: TestApp;
let theCase: { id: string; reference: string };
let citizen: { id: string; name: string };
let coordinator: TestUser;
let member: TestUser;
let mentor: TestUser;
const as: Record<string, Client> = {};

// A second municipality (147) whose plans the steering group approves.
let steeringCase: { id: string; reference: string };

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  coordinator = await createUser(db, { roles: ['coordinator'] });
  member = await createUser(db, { roles: ['caseworker'] });
  mentor = await createUser(db, { roles: ['mentor'] });
  const outsider = await createUser(db, { roles: ['caseworker'] });
  citizen = await createPerson(db, { givenName: 'Jonas', familyName: 'Mikkelsen' });
  const father = await createPerson(db, { givenName: 'Karim', familyName: 'Mikkelsen' });
  theCase = await createCase(db, {
    persons: [{ id: citizen.id }, { id: father.id, role: 'parent' }],
    members: [
      { userId: coordinator.id, role: 'coordinator' },
      { userId: member.id, role: 'member' },
      { userId: mentor.id, role: 'member', scope: 'intervention' },
    ],
  });
  const coordinator147 = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
  const admin147 = await createUser(db, { roles: ['municipal_admin'], municipalityCode: '147' });
  const person147 = await createPerson(db, { municipalityCode: '147' });
  steeringCase = await createCase(db, {
    municipalityCode: '147',
    persons: [{ id: person147.id }],
    members: [{ userId: coordinator147.id, role: 'coordinator' }],
  });
  const users = { coordinator, member, mentor, outsider, coordinator147, admin147 };
  for (const [name, user] of Object.entries(users)) {
    as[name] = client(t.app, await login(t.app, user));
  }
});
afterAll(() => t.close());

type Name = 'coordinator' | 'member' | 'mentor' | 'outsider' | 'coordinator147' | 'admin147';
function caller(name: Name): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}

interface PlanJson {
  id: string;
  number: number;
  status: string;
  basedOnId: string | null;
  version: number;
  purpose: string | null;
  goals: {
    key: string;
    parentKey: string | null;
    text: string;
    responsible: { userId: string | null; name: string } | null;
    targetDate: string | null;
    status: string;
  }[];
  agreements: string[];
  decidedBy: { id: string; name: string } | null;
  submittedBy: { id: string; name: string } | null;
  decisionComment: string | null;
  steeringGroupMeetingOn: string | null;
}
interface ListJson {
  approval: string;
  items: PlanJson[];
}

const url = (path = '', caseId = theCase.id) => `/api/cases/${caseId}${path}`;
const fieldsOf = (res: { json(): unknown }) =>
  (
    (res.json() as { error: { fields?: { field: string; code: string }[] } }).error.fields ?? []
  ).map((f) => `${f.field}:${f.code}`);

const topKey = randomUUID();
const subKey = randomUUID();

function content(overrides: Record<string, unknown> = {}) {
  return {
    purpose: 'At Jonas kommer i skole hver dag og får et fritidsjob.',
    goals: [
      {
        key: topKey,
        parentKey: null,
        text: 'Stabilt fremmøde i skolen',
        responsible: { userId: member.id },
        targetDate: '2026-06-30',
        status: 'in_progress',
      },
      {
        key: subKey,
        parentKey: topKey,
        text: 'Møder til første time fire dage om ugen',
        responsible: { name: 'Jonas' },
        targetDate: '2026-04-30',
        status: 'not_started',
      },
    ],
    agreements: ['Vi mødes hver tirsdag kl. 15.', 'Far deltager i samtalerne hver måned.'],
    citizenWishes: 'Vil gerne spille fodbold igen.',
    citizenParticipated: true,
    startsOn: '2026-02-01',
    endsOn: '2026-12-31',
    nextFollowUpOn: '2026-03-01',
    followUpIntervalDays: 30,
    ...overrides,
  };
}

function goal(index: number): Record<string, unknown> {
  const found = content().goals[index];
  if (!found) throw new Error(`no goal ${index}`);
  return found;
}

async function storedPlan(id: string) {
  return t.database.db
    .selectFrom('case_plans')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
async function eventsOf(kind: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', theCase.id)
    .where('kind', '=', kind)
    .execute();
  return rows.length;
}

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

  it('an empty draft cannot be submitted', async () => {
    // A case of its own, so the plan above is left alone.
    const person = await createPerson(t.database.db);
    const other = await createCase(t.database.db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    const draft = (
      await caller('coordinator').post(url('/plans', other.id), {})
    ).json() as PlanJson;
    const res = await caller('coordinator').post(url(`/plans/${draft.id}/approve`, other.id), {
      version: 1,
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['plan.goals:plan_goals_required']);
    // And a plan id of another case is not found through this case.
    const cross = await caller('coordinator').put(url(`/plans/${draft.id}`), {
      version: 1,
      ...content(),
    });
    expect(cross.statusCode).toBe(404);
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
    expect((await caller('member').get(url(`/plan.pdf?planId=${randomUUID()}`))).statusCode).toBe(
      404,
    );
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

describe(`plan approval by the steering group (model 3) (${testEngine})`, () => {
  it('the municipality setting round-trips and is validated', async () => {
    const read = await caller('admin147').get('/api/municipality-settings');
    expect(read.json()).toMatchObject({ planApproval: 'coordinator', version: 0 });
    const bad = await caller('admin147').patch('/api/municipality-settings', {
      version: 0,
      planApproval: 'mayor',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldsOf(bad).map((f) => f.split(':')[0])).toEqual(['body.planApproval']);
    const saved = await caller('admin147').patch('/api/municipality-settings', {
      version: 0,
      planApproval: 'steering_group',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ planApproval: 'steering_group', version: 1 });
    const again = await caller('coordinator147').get('/api/municipality-settings');
    expect(again.json()).toMatchObject({ planApproval: 'steering_group' });
    const list = await caller('coordinator147').get(url('/plans', steeringCase.id));
    expect((list.json() as ListJson).approval).toBe('steering_group');
  });

  it('approval needs the meeting date, not in the future', async () => {
    const c = caller('coordinator147');
    const draft = (await c.post(url('/plans', steeringCase.id), {})).json() as PlanJson;
    const coordinatorId = (
      await t.database.db
        .selectFrom('case_members')
        .select('user_id')
        .where('case_id', '=', steeringCase.id)
        .executeTakeFirstOrThrow()
    ).user_id;
    const saved = await c.put(url(`/plans/${draft.id}`, steeringCase.id), {
      version: 1,
      ...content({
        goals: [{ ...goal(0), responsible: { userId: coordinatorId } }],
      }),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const approve = (body: Record<string, unknown>) =>
      c.post(url(`/plans/${draft.id}/approve`, steeringCase.id), { version: 2, ...body });

    const missing = await approve({});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.steeringGroupMeetingOn:required']);
    const tomorrow = danishToday(new Date(Date.now() + 36 * 3_600_000));
    const future = await approve({ steeringGroupMeetingOn: tomorrow });
    expect(fieldsOf(future)).toEqual(['body.steeringGroupMeetingOn:in_future']);
    expect((await storedPlan(draft.id)).status).toBe('draft');

    const ok = await approve({ steeringGroupMeetingOn: '2026-01-15' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', steeringGroupMeetingOn: '2026-01-15' });
  });
});
