import type { RequestContext } from '../../platform/context.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import type { Sorted } from './items.ts';
import { sortedTasks } from './queries.ts';
import {
  WorkListSectionSchema,
  type TaskKind,
  type WorkList,
  type WorkListSection,
} from './schema.ts';

/** How many tasks each section shows; "Mine opgaver" pages through the rest. */
export const WORK_LIST_FIRST = 5;

/** Kinds with a section of their own, whatever their due date. */
const OWN_SECTION: Partial<Record<TaskKind, WorkListSection>> = {
  plan_approval: 'approvals',
  closure_approval: 'approvals',
  decision_approval: 'approvals',
  inquiry_triage: 'newInquiries',
  case_without_assessment: 'casesWithoutWork',
  case_without_plan: 'casesWithoutWork',
  case_without_notice: 'casesWithoutWork',
  offer_renewal: 'offers',
  // News about an inquiry the municipality handed to the police: with the inquiries.
  police_feedback: 'newInquiries',
};

/** Kinds on "Mine opgaver" only: a meeting is not work overdue or due (it has its own list). */
const LIST_ONLY: ReadonlySet<TaskKind> = new Set<TaskKind>(['meeting']);

/** The last day (Sunday) of the Danish calendar week of `today` (YYYY-MM-DD). */
export function endOfWeek(today: string): string {
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(today, (7 - weekday) % 7);
}

/**
 * The section of a task: its own (approvals, new inquiries, cases without assessment or plan,
 * offers), else overdue, else due this week; null for a task due later (on "Mine opgaver" only).
 */
function sectionOf(s: Sorted, weekEnds: string): WorkListSection | null {
  if (LIST_ONLY.has(s.task.kind)) return null;
  const own = OWN_SECTION[s.task.kind];
  if (own) return own;
  if (s.task.overdue) return 'overdue';
  const day = s.task.dueOn ?? (s.task.dueAt ? danishToday(new Date(s.task.dueAt)) : null);
  return day !== null && day <= weekEnds ? 'thisWeek' : null;
}

/**
 * The start page's work list: the caller's tasks (the same loaders and visibility rules as "Mine
 * opgaver", one query per loader, never one per case), each in one section with its count and
 * its first tasks, earliest due first. References only, like the task list: no audit entries.
 */
export async function workList(
  ctx: Pick<RequestContext, 'db' | 'user'>,
  now = new Date(),
): Promise<WorkList> {
  const all = await sortedTasks(ctx, undefined, now);
  const weekEnds = endOfWeek(danishToday(now));
  const bySection = new Map<WorkListSection, Sorted[]>();
  for (const s of all) {
    const section = sectionOf(s, weekEnds);
    if (section) bySection.set(section, [...(bySection.get(section) ?? []), s]);
  }
  return {
    sections: WorkListSectionSchema.options.map((section) => {
      const tasks = bySection.get(section) ?? [];
      return {
        section,
        count: tasks.length,
        items: tasks.slice(0, WORK_LIST_FIRST).map((s) => s.task),
      };
    }),
  };
}
