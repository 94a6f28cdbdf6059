import { z } from 'zod';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { backdateFields } from '../../platform/backdating.ts';
import {
  BackdateReasonSchema,
  CompetenceRatingsSchema,
  ConcernChangeSchema,
  ConcernLevelSchema,
  GoalStatusSchema,
} from '../../../shared/values.ts';

/** Request and response shapes of the follow-ups module, shared with the web app. */
export const FollowUpParams = z.object({ id: z.uuid(), followUpId: z.uuid() }).strict();

export const FollowUpStatusSchema = z.enum(['scheduled', 'done', 'cancelled']);

export const GoalProgressSchema = z
  .object({
    goalKey: z.uuid(),
    status: GoalStatusSchema,
    note: z.string().trim().max(2000).nullable().optional(),
  })
  .strict();

/** What a held follow-up records: the concern level re-judged, goal progress, competences. */
const recordFields = {
  heldOn: DateOnly,
  concernLevel: ConcernLevelSchema,
  summary: z.string().trim().max(8000).nullable().optional(),
  goalProgress: z.array(GoalProgressSchema).max(100).default([]),
  competences: CompetenceRatingsSchema.nullable().optional(),
  /** Held before the case was opened here: why it is recorded now (issue 12). */
  ...backdateFields,
};

/**
 * Schedule one more follow-up (`dueOn`), or record one that was not scheduled (`heldOn`,
 * `concernLevel` …: done at once). `id` is the client's id, so a retry does nothing twice.
 */
export const NewFollowUpBody = z
  .object({
    id: z.uuid().optional(),
    dueOn: DateOnly.optional(),
    heldOn: recordFields.heldOn.optional(),
    concernLevel: recordFields.concernLevel.optional(),
    summary: recordFields.summary,
    goalProgress: z.array(GoalProgressSchema).max(100).optional(),
    competences: recordFields.competences,
    ...backdateFields,
  })
  .strict();

export const RecordFollowUpBody = z.object({ version: Version, ...recordFields }).strict();

export const CancelFollowUpBody = z.object({ version: Version }).strict();

export const FollowUpWriteResponse = z.object({ id: z.uuid(), version: z.number().int() });

export const FollowUpSchema = z.object({
  id: z.uuid(),
  planId: z.uuid().nullable(),
  dueOn: z.iso.date(),
  status: FollowUpStatusSchema,
  /** Scheduled and due before today (Danish time). */
  overdue: z.boolean(),
  heldOn: z.iso.date().nullable(),
  concernLevel: ConcernLevelSchema.nullable(),
  /** Compared with the case's level when it was recorded; null when the case had none. */
  concernChange: ConcernChangeSchema.nullable(),
  summary: z.string().nullable(),
  goalProgress: z.array(
    z.object({ goalKey: z.string(), status: GoalStatusSchema, note: z.string().nullable() }),
  ),
  competences: z.record(z.string(), z.number().int()).nullable(),
  recordedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  recordedAt: z.iso.datetime().nullable(),
  /** Held before the case was opened here: why it was recorded later. */
  backdateReason: BackdateReasonSchema.nullable(),
  backdateNote: z.string().nullable(),
  version: z.number().int(),
});

export const PlanGoalSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable(),
  text: z.string(),
  status: GoalStatusSchema,
});

export const FollowUpListSchema = z.object({
  items: z.array(FollowUpSchema),
  /** The goals of the case's current approved plan (empty without one). */
  goals: z.array(PlanGoalSchema),
  /** The case's current concern level. */
  concernLevel: ConcernLevelSchema.nullable(),
  /** Life-competence ratings of the held follow-ups that have them, oldest first. */
  competenceSeries: z.array(
    z.object({ heldOn: z.iso.date(), ratings: z.record(z.string(), z.number().int()) }),
  ),
  /**
   * The concern level over time, oldest first: each final assessment (on the day it was
   * finalised, Danish time) and each follow-up held with a level (on the day it was held).
   */
  concernSeries: z.array(
    z.object({
      on: z.iso.date(),
      level: ConcernLevelSchema,
      source: z.enum(['assessment', 'follow_up']),
    }),
  ),
});

export type FollowUp = z.infer<typeof FollowUpSchema>;
export type FollowUpList = z.infer<typeof FollowUpListSchema>;
export type NewFollowUp = z.infer<typeof NewFollowUpBody>;
export type RecordFollowUp = z.infer<typeof RecordFollowUpBody>;
