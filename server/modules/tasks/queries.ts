import type { RequestContext } from '../../platform/context.ts';
import { visibleInquiry } from '../../access/inquiry-access.ts';
import { OPEN_INQUIRY_STATUSES } from '../../../shared/values.ts';
import { danishToday } from '../cases/chronology.ts';
import { openChildReportSteps } from '../inquiries/child-report-tasks.ts';
import {
  casesWithoutWork,
  closureApprovals,
  followUps,
  goals,
  offers,
  planApprovals,
  reviews,
} from './queries-case-tasks.ts';
import { casesWithoutNotice } from './queries-notice-tasks.ts';
import { contactAttempts } from './queries-contact-tasks.ts';
import { overdueAccessRequestTasks } from './access-request-tasks.ts';
import { policeFeedbackTasks } from './police-feedback-tasks.ts';
import { upcomingMeetingTasks } from './meeting-tasks.ts';
import { implementationTasks } from './implementation-tasks.ts';
import { areaInterventionFollowUpTasks } from './area-intervention-tasks.ts';
import { meetingTaskList } from '../meetings/minutes-task-list.ts';
import { areaRoundTasks } from '../area-rounds/round-tasks.ts';
import { areaGoalReviewTasks } from './area-goal-tasks.ts';
import {
  compare,
  decodeTaskCursor,
  encodeTaskCursor,
  timed,
  type Loader,
  type Sorted,
} from './items.ts';
import type { TaskKind, TaskList } from './schema.ts';

/**
 * "My tasks": computed from the case-work and inquiry tables on each request (no table of its
 * own), one query per kind, each filtered by the same visibility rules as every other list
 * (`visibleCase`, `visibleInquiry`), so a removed member sees nothing of a case. Who gets what:
 *
 * - follow_up: scheduled follow-ups of active cases due within 14 days or overdue — for the
 *   case's coordinators and for the full-scope member who recorded the case's latest held
 *   follow-up (the one who usually holds the next);
 * - offer_renewal: renewed offers due within 14 days or overdue, and offers made and waiting for
 *   an answer — for the case's coordinators;
 * - review: re-reviews due within 30 days or overdue — for the case's coordinators;
 * - plan_approval / closure_approval: plans submitted and closures proposed — for the case's
 *   coordinators;
 * - goal: goals of approved plans with the caller as responsible, not achieved or dropped, whose
 *   target date is within 14 days or passed — for that member of the case;
 * - inquiry_triage / inquiry_deadline: open inquiries the caller may see (coordinators of the
 *   municipality, the handling forum), by their decision deadline — `inquiry_triage` while the
 *   inquiry is new (received, not yet triaged), `inquiry_deadline` after;
 * - case_without_assessment / case_without_plan: active cases with no final assessment or no
 *   approved plan the municipality's `caseStartDays` after opening — for the case's coordinators
 *   (queries-case-tasks.ts);
 * - case_without_notice: open cases with neither a notice to the citizen nor an exemption
 *   recorded NOTICE_DUE_DAYS (14) after opening — for the case's coordinators
 *   (queries-notice-tasks.ts);
 * - decision_approval: decisions waiting for a second coordinator — for the municipality's
 *   other coordinators (never the one who decided);
 * - child_report_immediate_help / child_report_acknowledgement: marked reports about children
 *   whose assessment of immediate help or acknowledgement is not recorded, due by the clocks of
 *   the provisions — for the municipality's coordinators (inquiries/child-report-tasks.ts);
 * - access_request_overdue: citizens' access requests not released by their deadline — for the
 *   municipality's data-protection role and the coordinator who registered one
 *   (access-request-tasks.ts);
 * - police_feedback: the police's feedback on an inquiry handed to them, unread — for the
 *   municipality's coordinators (police-feedback-tasks.ts).
 * - contact_attempt: the next try to reach a citizen, for the one who is to make it, while no
 *   later try is recorded (queries-contact-tasks.ts).
 * - meeting: planned meetings starting within 14 days that the caller is invited to, chairs or
 *   takes the notes of (meeting-tasks.ts; meetings/queries-tasks.ts).
 * - meeting_task: tasks given out in a meeting's minutes, for their responsible person while
 *   they may see the task's record (meetings/minutes-tasks.ts).
 * - area_round: a housing area's next mapping round is due within 14 days, for its team and the
 *   forum managers (area-rounds/round-tasks.ts).
 * - area_goal_review: goals of approved area action plans whose review date has come, for the
 *   goal's responsible user (else the plan's author) while they write the area's plan
 *   (area-goal-tasks.ts; area-plans/queries-goal-tasks.ts).
 *
 * Earliest due first; keyset pages on (due, kind, id). A date counts from its start in UTC for
 * the order (only the order: `overdue` compares with Danish today).
 *
 * The tenant key: every query matches `municipality_code` with the caller's area (their
 * municipality, or the municipalities of their police district: the request context's user),
 * and joins a row to its case or inquiry by the id and that key (db/migrations/0015). The case
 * kinds are in queries-case-tasks.ts.
 */

const inquiryDeadlines: Loader = async ({ db, user }, now) => {
  const rows = await db
    .selectFrom('inquiries')
    .select(['inquiries.id', 'inquiries.reference', 'inquiries.deadline_at', 'inquiries.status'])
    .where('inquiries.status', 'in', OPEN_INQUIRY_STATUSES)
    // Carries the tenant key: the inquiry's municipality_code is in the caller's area.
    .where(visibleInquiry(user))
    .execute();
  return rows.map((r) =>
    timed(
      r.status === 'received' ? 'inquiry_triage' : 'inquiry_deadline',
      r.id,
      r.deadline_at,
      r.deadline_at < now,
      {
        inquiryId: r.id,
        inquiryReference: r.reference,
      },
    ),
  );
};

const decisionApprovals: Loader = async ({ db, user }, now) => {
  if (!user.roles.includes('coordinator')) return [];
  const rows = await db
    .selectFrom('inquiry_decisions as d')
    .innerJoin('inquiries', (join) =>
      join
        .onRef('inquiries.id', '=', 'd.inquiry_id')
        .onRef('inquiries.municipality_code', '=', 'd.municipality_code'),
    )
    .select(['d.id', 'inquiries.id as inquiry_id', 'inquiries.reference', 'inquiries.deadline_at'])
    .where('d.status', '=', 'pending')
    .where('d.decided_by', '!=', user.id)
    .where('inquiries.status', '=', 'awaiting_approval')
    // The tenant key: the decision is joined by its inquiry's key, and only the coordinators of
    // that municipality approve (visibleInquiry alone would let a forum member see it).
    .where(visibleInquiry(user))
    .where('inquiries.municipality_code', '=', user.municipalityCode ?? '')
    .execute();
  return rows.map((r) =>
    timed('decision_approval', r.id, r.deadline_at, r.deadline_at < now, {
      inquiryId: r.inquiry_id,
      inquiryReference: r.reference,
    }),
  );
};

/** Reports about children: the immediate-help assessment and the acknowledgement still due. */
const childReports: Loader = async ({ db, user }, now) =>
  (await openChildReportSteps(db, user, now)).map((s) =>
    timed(
      s.step === 'immediate_help' ? 'child_report_immediate_help' : 'child_report_acknowledgement',
      s.inquiryId,
      s.dueAt,
      s.overdue,
      { inquiryId: s.inquiryId, inquiryReference: s.reference },
    ),
  );

const LOADERS: Record<TaskKind, Loader> = {
  follow_up: followUps,
  offer_renewal: offers,
  review: reviews,
  plan_approval: planApprovals,
  closure_approval: closureApprovals,
  goal: goals,
  inquiry_deadline: inquiryDeadlines,
  decision_approval: decisionApprovals,
  inquiry_triage: inquiryDeadlines,
  case_without_assessment: casesWithoutWork,
  case_without_plan: casesWithoutWork,
  child_report_immediate_help: childReports,
  child_report_acknowledgement: childReports,
  case_without_notice: casesWithoutNotice,
  access_request_overdue: overdueAccessRequestTasks,
  police_feedback: policeFeedbackTasks,
  contact_attempt: contactAttempts,
  meeting: upcomingMeetingTasks,
  meeting_task: meetingTaskList,
  implementation_item_review: implementationTasks,
  implementation_review: implementationTasks,
  area_intervention_follow_up: areaInterventionFollowUpTasks,
  area_round: areaRoundTasks,
  area_goal_review: areaGoalReviewTasks,
};

/**
 * Every task of the kinds asked (all when none), earliest due first: each loader runs once even
 * where it gives two kinds, and a decision waiting for the caller's approval hides the deadline
 * of its inquiry.
 */
export async function sortedTasks(
  ctx: Pick<RequestContext, 'db' | 'user'>,
  kind: TaskKind | undefined,
  now: Date,
): Promise<Sorted[]> {
  const today = danishToday(now);
  const kinds = kind ? [kind] : (Object.keys(LOADERS) as TaskKind[]);
  const loaders = [...new Set(kinds.map((k) => LOADERS[k]))];
  const lists = await Promise.all(loaders.map((load) => load(ctx, now, today)));
  let all = lists.flat().filter((s) => kinds.includes(s.task.kind));
  const approving = new Set(
    all.filter((s) => s.task.kind === 'decision_approval').map((s) => s.task.inquiryId),
  );
  all = all.filter((s) => s.task.kind !== 'inquiry_deadline' || !approving.has(s.task.inquiryId));
  return all.sort((a, b) => compare(keyOf(a), keyOf(b)));
}

const keyOf = (s: Sorted) => ({ due: s.due, kind: s.task.kind, id: s.task.id });

/** The caller's tasks, earliest due first, a page at a time. */
export async function listTasks(
  ctx: Pick<RequestContext, 'db' | 'user'>,
  query: { kind?: TaskKind | undefined; after?: string | undefined; limit: number },
  now = new Date(),
): Promise<TaskList> {
  const cursor = decodeTaskCursor(query.after);
  let all = await sortedTasks(ctx, query.kind, now);
  if (cursor) {
    const after = { due: new Date(cursor.t).toISOString(), kind: cursor.k, id: cursor.id };
    all = all.filter((s) => compare(keyOf(s), after) > 0);
  }
  const page = all.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((s) => s.task),
    nextCursor: all.length > query.limit && last ? encodeTaskCursor(last) : null,
  };
}
