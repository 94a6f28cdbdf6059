import type { Task } from './tasksApi';

/** Tasks for the unit tests of "Mine opgaver" and the work list: a case's, unless overridden. */
export const CASE_ID = '11111111-1111-4111-8111-111111111111';
export const INQUIRY_ID = '55555555-5555-4555-8555-555555555555';

export function task(overrides: Partial<Task> & Pick<Task, 'id' | 'kind'>): Task {
  return {
    dueOn: null,
    dueAt: null,
    overdue: false,
    caseId: CASE_ID,
    caseReference: 'S-2026-000001',
    inquiryId: null,
    inquiryReference: null,
    tab: null,
    ...overrides,
  };
}
