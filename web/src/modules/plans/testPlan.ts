import type { Plan } from './plansApi';

/**
 * For the web tests only: a plan as `GET /api/cases/:id/plans` returns it, with a goal and its
 * sub-goal (`TEST_GOALS`), changed by `overrides`.
 */
export const TEST_USER = { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' };
export const TOP_GOAL = '44444444-4444-4444-8444-444444444441';
export const SUB_GOAL = '44444444-4444-4444-8444-444444444442';

/** The goal first, then its sub-goal. */
export const TEST_GOALS: Plan['goals'] = [
  {
    key: TOP_GOAL,
    parentKey: null,
    text: 'Stabilt fremmøde',
    responsible: { userId: TEST_USER.id, name: TEST_USER.name },
    targetDate: '2026-06-30',
    status: 'in_progress',
  },
  {
    key: SUB_GOAL,
    parentKey: TOP_GOAL,
    text: 'Møder til første time',
    responsible: { userId: null, name: 'Jonas' },
    targetDate: '2026-04-30',
    status: 'not_started',
  },
];

export function testPlan(overrides: Partial<Plan> & Pick<Plan, 'id' | 'number' | 'status'>): Plan {
  return {
    basedOnId: null,
    purpose: 'At Jonas kommer i skole hver dag.',
    goals: TEST_GOALS,
    agreements: ['Vi mødes hver tirsdag.'],
    citizenWishes: 'Vil spille fodbold.',
    citizenParticipated: true,
    startsOn: '2026-02-01',
    endsOn: '2026-12-31',
    nextFollowUpOn: '2026-03-01',
    followUpIntervalDays: 30,
    createdBy: TEST_USER,
    createdAt: '2026-02-01T10:00:00.000Z',
    updatedAt: '2026-02-01T10:00:00.000Z',
    submittedBy: null,
    submittedAt: null,
    decidedBy: null,
    decidedAt: null,
    steeringGroupMeetingOn: null,
    decisionComment: null,
    version: 1,
    ...overrides,
  };
}
