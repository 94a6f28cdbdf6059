import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { createCase, createPerson } from '../../test/records.ts';
import { danishToday } from '../cases/chronology.ts';
import {
  t,
  coordinator,
  steeringCase,
  type PlanJson,
  type ListJson,
  caller,
  url,
  fieldsOf,
  content,
  goal,
  storedPlan,
  usePlansFixtures,
} from './plans.fixtures.ts';

usePlansFixtures();

describe(`action plan (${testEngine})`, () => {
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
