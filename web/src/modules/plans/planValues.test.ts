import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../app/api';
import type { Plan } from './plansApi';
import * as values from './planValues';
import { SUB_GOAL, TEST_GOALS, TEST_USER, TOP_GOAL, testPlan } from './testPlan';

// The modules load the app's i18n, which sets the page's language.
vi.hoisted(() => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
});

/** The plan editor's values ↔ the request body, and the names of the body's fields as the form's. */

const MEMBER = TEST_USER.id;
const TOP = TOP_GOAL;
const SUB = SUB_GOAL;

const plan: Plan = testPlan({
  id: '33333333-3333-4333-8333-333333333332',
  number: 2,
  status: 'draft',
  purpose: 'At Jonas kommer i skole.',
  // The sub-goal first: the form keeps it under its goal.
  goals: [...TEST_GOALS].reverse(),
  citizenWishes: null,
  citizenParticipated: false,
  endsOn: null,
  nextFollowUpOn: null,
  version: 4,
});

describe('plan values', () => {
  it('turns a plan into the form and back into the same content', () => {
    const form = values.planValues(plan);
    expect(form.goals.map((g) => g.key)).toEqual([TOP, SUB]);
    expect(form.goals[0]).toMatchObject({ responsible: MEMBER, otherName: '' });
    expect(form.goals[1]).toMatchObject({ responsible: 'other', otherName: 'Jonas' });
    expect(form.agreements).toEqual([{ text: 'Vi mødes hver tirsdag.' }]);
    expect(form.citizenParticipated).toBe('no');
    expect(form.endsOn).toBe('');

    expect(values.toPlanBody(form, plan.version)).toEqual({
      version: 4,
      purpose: 'At Jonas kommer i skole.',
      goals: [
        {
          key: TOP,
          parentKey: null,
          text: 'Stabilt fremmøde',
          responsible: { userId: MEMBER },
          targetDate: '2026-06-30',
          status: 'in_progress',
        },
        {
          key: SUB,
          parentKey: TOP,
          text: 'Møder til første time',
          responsible: { name: 'Jonas' },
          targetDate: '2026-04-30',
          status: 'not_started',
        },
      ],
      agreements: ['Vi mødes hver tirsdag.'],
      citizenWishes: null,
      citizenParticipated: false,
      startsOn: '2026-02-01',
      endsOn: null,
      nextFollowUpOn: null,
      followUpIntervalDays: 30,
    });
  });

  it('leaves out a responsible person not chosen and sends empty texts as null', () => {
    const form = {
      ...values.planValues(plan),
      purpose: '  ',
      citizenParticipated: null,
      followUpIntervalDays: null,
      goals: [values.newGoal(null)],
    };
    const body = values.toPlanBody(form, 1);
    expect(body.purpose).toBeNull();
    expect(body.citizenParticipated).toBeNull();
    expect(body.followUpIntervalDays).toBeNull();
    expect(body.goals[0]).not.toHaveProperty('responsible');
    expect(body.goals[0]).toMatchObject({ parentKey: null, text: '', targetDate: '' });
  });

  it('names the body’s and the stored plan’s fields as the form’s', () => {
    expect(values.formPath('goals.1.responsible')).toBe('goals.1.responsible');
    expect(values.formPath('goals.1.responsible.userId')).toBe('goals.1.responsible');
    expect(values.formPath('goals.1.responsible.name')).toBe('goals.1.otherName');
    expect(values.formPath('goals.0.parentKey')).toBe('goals.0.text');
    expect(values.formPath('agreements.2')).toBe('agreements.2.text');
    expect(values.formPath('endsOn')).toBe('endsOn');
    expect(values.formPath('version')).toBeNull();

    const error = new ApiError(422, {
      error: {
        code: 'validation_failed',
        message: 'Invalid',
        requestId: 'r',
        fields: [
          { field: 'plan.goals.1.responsible', code: 'goal_responsible_required', message: 'a' },
          { field: 'plan.status', code: 'plan_submitted', message: 'b' },
        ],
      },
    });
    const renamed = values.toFormErrors(error) as ApiError;
    expect(renamed.fields.map((f) => f.field)).toEqual(['body.goals.1.responsible', 'plan.status']);
  });

  it('checks the values with the server’s schema, at the form’s fields', () => {
    const form = {
      ...values.planValues(plan),
      agreements: [{ text: ' ' }],
      followUpIntervalDays: 3,
      goals: [{ ...values.newGoal(null), responsible: 'other' }],
    };
    const result = values.PlanFormSchema.safeParse(form);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'goals.0.text',
        'goals.0.otherName',
        'goals.0.targetDate',
        'agreements.0.text',
        'followUpIntervalDays',
      ]),
    );
    expect(values.PlanFormSchema.safeParse(values.planValues(plan)).success).toBe(true);
  });

  it('sends the steering group’s meeting date only where the steering group approves plans', () => {
    expect(values.approveBody(3, 'steering_group', '2026-05-04')).toEqual({
      version: 3,
      steeringGroupMeetingOn: '2026-05-04',
    });
    expect(values.approveBody(3, 'steering_group', '')).toEqual({ version: 3 });
    expect(values.approveBody(3, 'coordinator', '2026-05-04')).toEqual({ version: 3 });
  });
});
