import { z } from 'zod';
import { cursorParameter } from '../../platform/cursor.ts';

/** Request and response shapes of "My tasks", shared with the web app. */
export const TaskKindSchema = z.enum([
  'follow_up',
  'offer_renewal',
  'review',
  'plan_approval',
  'closure_approval',
  'goal',
  'inquiry_deadline',
  'decision_approval',
  'inquiry_triage',
  'case_without_assessment',
  'case_without_plan',
  'child_report_immediate_help',
  'child_report_acknowledgement',
  'case_without_notice',
  'access_request_overdue',
  'police_feedback',
  'contact_attempt',
  'meeting',
  // A task given out in a meeting's minutes (issue 14 part 4).
  'meeting_task',
  // The implementation follow-up (issue 16 part 6): an item, or the checklist, due for review.
  'implementation_item_review',
  'implementation_review',
  // An area intervention's follow-up is due (issue 16 part 5; the lead renumbers at merge).
  'area_intervention_follow_up',
  // The next mapping round of a housing area is due (issue 16 part 2).
  'area_round',
  // A goal of an area action plan whose review date has come (issue 16 part 4).
  'area_goal_review',
]);
export type TaskKind = z.infer<typeof TaskKindSchema>;

/** The case tab a task opens (the keys of the case page's tabs; null = the overview). */
export const TaskTabSchema = z.enum([
  'assessment',
  'plan',
  'interventions',
  'followUps',
  'closure',
]);
export type TaskTab = z.infer<typeof TaskTabSchema>;

export const TaskListQuery = z
  .object({
    kind: TaskKindSchema.optional(),
    after: cursorParameter(400),
    limit: z.coerce.number().int().min(1).max(200).default(200),
  })
  .strict();

/**
 * One task: what to do, when, and where — references only (never a person's name or any text
 * about the citizen), so the list itself reads no personal data.
 */
export const TaskSchema = z.object({
  /**
   * The id of the follow-up, offer, review, plan, closure, inquiry, decision or meeting (a
   * meeting opens /moeder/:id). Originally: the id of the follow-up, offer, review, plan, closure, inquiry or decision (a goal's key; the
   * case's id for a case without assessment or plan).
   */
  id: z.string(),
  kind: TaskKindSchema,
  /** A due date (follow-ups, offers, reviews, goals) … */
  dueOn: z.iso.date().nullable(),
  /** … or a moment (inquiry deadlines; approvals: when they started waiting). */
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  inquiryId: z.uuid().nullable(),
  inquiryReference: z.string().nullable(),
  /** The case tab to open; null for the case overview or an inquiry. */
  tab: TaskTabSchema.nullable(),
  /** The meeting whose minutes gave the task (meeting tasks only). */
  meetingId: z.uuid().nullable().optional(),
  /**
   * The housing area of an area task: an intervention's follow-up (opens its interventions tab)
   * or a mapping round that is due, or the area whose action plan holds a goal to review; with
   * the area's name where the task shows it.
   */
  areaId: z.uuid().nullable().optional(),
  areaName: z.string().nullable().optional(),
});
export type Task = z.infer<typeof TaskSchema>;

export const TaskListSchema = z.object({
  items: z.array(TaskSchema),
  nextCursor: z.string().nullable(),
});
export type TaskList = z.infer<typeof TaskListSchema>;

/**
 * The start page's work list: the same tasks, each in one section — overdue and due this week
 * (follow-ups, goals, re-reviews, inquiry deadlines), approvals waiting for the caller, new
 * inquiries to triage, cases still without assessment or plan, offers to renew or answer.
 */
export const WorkListSectionSchema = z.enum([
  'overdue',
  'thisWeek',
  'approvals',
  'newInquiries',
  'casesWithoutWork',
  'offers',
]);
export type WorkListSection = z.infer<typeof WorkListSectionSchema>;

export const WorkListSchema = z.object({
  sections: z.array(
    z.object({
      section: WorkListSectionSchema,
      /** Every task of the section … */
      count: z.number().int(),
      /** … and the first of them, earliest due first (the rest on "Mine opgaver"). */
      items: z.array(TaskSchema),
    }),
  ),
});
export type WorkList = z.infer<typeof WorkListSchema>;
