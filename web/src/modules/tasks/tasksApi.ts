import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  Task,
  TaskKind,
  TaskList,
  TaskTab,
  WorkList,
  WorkListSection,
} from '../../../../server/modules/tasks/schema.ts';
import { apiGet, withQuery } from '../../app/api';
import { inOrder, isValueOf } from '../../app/valueOrder';

/** "My tasks" of `server/modules/tasks/routes.ts`, as the web app uses it. */
export type { Task, TaskKind, TaskList, TaskTab, WorkList, WorkListSection };

/** Every kind, in the order the filter lists them (a Record, so a new one fails to compile). */
const KIND_ORDER: Record<TaskKind, number> = {
  follow_up: 1,
  goal: 2,
  offer_renewal: 3,
  review: 4,
  plan_approval: 5,
  closure_approval: 6,
  inquiry_deadline: 7,
  decision_approval: 8,
  inquiry_triage: 9,
  case_without_assessment: 10,
  case_without_plan: 11,
  child_report_immediate_help: 12,
  child_report_acknowledgement: 13,
  case_without_notice: 14,
  access_request_overdue: 15,
  police_feedback: 16,
  contact_attempt: 17,
  meeting: 18,
  meeting_task: 19,
  implementation_item_review: 20,
  implementation_review: 21,
  area_intervention_follow_up: 22,
  area_round: 23,
  area_goal_review: 24,
};
export const TASK_KINDS = inOrder(KIND_ORDER);

export function isTaskKind(value: string | null): value is TaskKind {
  return isValueOf(KIND_ORDER, value);
}

/** The address of each case tab below /sager/:id. */
const TAB_PATHS: Record<TaskTab, string> = {
  assessment: 'udredning',
  plan: 'handleplan',
  interventions: 'indsatser',
  followUps: 'opfoelgning',
  closure: 'afslutning',
};

/** Where a task is done: the case tab, the inquiry, or the access request. */
export function taskLink(task: Task): string | null {
  if (task.kind === 'access_request_overdue') return `/aktindsigt/${task.id}`;
  if (task.kind === 'meeting') return `/moeder/${task.id}`;
  if (task.kind === 'implementation_item_review')
    return `/boligomraader/implementering/punkt/${task.id}`;
  if (task.kind === 'implementation_review') return '/boligomraader/implementering/gennemgang';
  if (task.kind === 'area_intervention_follow_up' && task.areaId) {
    return `/boligomraader/${task.areaId}/indsatser/${task.id}`;
  }
  if (task.kind === 'area_round') return `/boligomraader/${task.areaId ?? task.id}/kortlaegning`;
  if (task.kind === 'area_goal_review' && task.areaId) {
    return `/boligomraader/${task.areaId}/analyse/handleplan`;
  }
  // A task from a meeting's minutes opens its record, else the minutes that gave it.
  if (task.kind === 'meeting_task' && !task.caseId && !task.inquiryId && task.meetingId) {
    return `/moeder/${task.meetingId}/referat`;
  }
  if (task.caseId) return `/sager/${task.caseId}${task.tab ? `/${TAB_PATHS[task.tab]}` : ''}`;
  if (task.inquiryId) return `/henvendelser/${task.inquiryId}`;
  return null;
}

export const TASKS_QUERY_KEY = ['tasks'] as const;

/** The caller's tasks, earliest due first, a page at a time. */
export function useTasks(kind: TaskKind | null) {
  return useInfiniteQuery({
    queryKey: [...TASKS_QUERY_KEY, kind ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      apiGet<TaskList>(withQuery('/api/tasks', { kind, after: pageParam }), { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

/**
 * The start page's work list: the caller's tasks in sections, each with its count. Fetched anew
 * each time the start page opens, so what was just done elsewhere has left it.
 */
export function useWorkList() {
  return useQuery({
    queryKey: [...TASKS_QUERY_KEY, 'work-list'],
    queryFn: ({ signal }) => apiGet<WorkList>('/api/tasks/work-list', { signal }),
    staleTime: 0,
  });
}
