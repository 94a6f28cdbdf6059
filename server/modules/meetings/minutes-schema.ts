import { z } from 'zod';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { ConcernLevelSchema } from '../../../shared/values.ts';
import { DecisionBody } from '../inquiries/schema-decision.ts';
import { ProposeClosureBody, RecordReviewBody } from '../closure/schema.ts';
import { CreateInterventionBody } from '../case-interventions/schema.ts';

/**
 * Request and response shapes of a meeting's minutes (issue 14 part 4), shared with the web app.
 * A decision that acts on a record takes the body the record's own page sends (the inquiry's
 * decision, a closure proposal, a re-review, a new intervention …), so the same rules apply.
 */
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v));

export const MinutesParams = z.object({ id: z.uuid() }).strict();
export const MinutesItemParams = z.object({ id: z.uuid(), itemId: z.uuid() }).strict();
export const MinutesTaskParams = z.object({ id: z.uuid(), taskId: z.uuid() }).strict();
export const MinutesQuery = z
  .object({ versionNo: z.coerce.number().int().min(1).max(10_000).optional() })
  .strict();

/** Starts the minutes (version 1, a draft); the client's id makes a repeat answer the same. */
export const StartMinutesBody = z.object({ id: z.uuid() }).strict();

/** What was assessed and decided on one item, in words. `version`: the minutes' version. */
export const MinutesItemBody = z
  .object({ version: Version, assessed: optionalText(8000), decision: optionalText(8000) })
  .strict();

export const MinutesActionKindSchema = z.enum([
  'inquiry_decision',
  'concern_level',
  'review',
  'closure_proposed',
  'closure_approved',
  'plan_approved',
  'intervention_added',
]);
export type MinutesActionKind = z.infer<typeof MinutesActionKindSchema>;

/** The decision that acts on the item's record: its kind and the body the record's page sends. */
export const MinutesAction = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('inquiry_decision'),
      decision: DecisionBody.omit({ version: true }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('concern_level'),
      concernLevel: ConcernLevelSchema,
      summary: optionalText(8000).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('review'), reviewId: z.uuid(), review: RecordReviewBody }).strict(),
  z.object({ kind: z.literal('closure_proposed'), closure: ProposeClosureBody }).strict(),
  /** A coordinator confirms the pending closure proposal (the case's version is read at once). */
  z.object({ kind: z.literal('closure_approved'), closureId: z.uuid() }).strict(),
  z.object({ kind: z.literal('plan_approved'), planId: z.uuid(), planVersion: Version }).strict(),
  z
    .object({ kind: z.literal('intervention_added'), intervention: CreateInterventionBody })
    .strict(),
]);
export type MinutesActionInput = z.infer<typeof MinutesAction>;

/**
 * `version`: the minutes' version. `inquiryVersion` / `caseVersion`: the version of the item's
 * record as the writer saw it; when sent, a record changed since answers 409 with its version.
 */
export const MinutesActionBody = z
  .object({
    version: Version,
    action: MinutesAction,
    inquiryVersion: Version.optional(),
    caseVersion: Version.optional(),
  })
  .strict();
export type RecordVersions = { inquiryVersion?: number; caseVersion?: number };

export const AttendanceBody = z
  .object({
    version: Version,
    participants: z
      .array(z.object({ userId: z.uuid(), attended: z.boolean().nullable() }).strict())
      .max(200)
      .default([]),
    guests: z
      .array(z.object({ id: z.uuid(), attended: z.boolean().nullable() }).strict())
      .max(200)
      .default([]),
  })
  .strict();

export const NewTaskBody = z
  .object({
    id: z.uuid(),
    version: Version,
    /** The agenda item the task comes from (its record is the task's record); null: the meeting. */
    agendaItemId: z.uuid().nullable(),
    description: text(2000),
    responsibleUserId: z.uuid(),
    dueOn: DateOnly,
  })
  .strict();

export const TaskDoneBody = z.object({ version: Version }).strict();

export const ApproveMinutesBody = z
  .object({
    version: Version,
    /** The chair confirms the minutes hold no personal data (required for the Infohus network). */
    noPersonalDataConfirmed: z.boolean().default(false),
  })
  .strict();

export const NewMinutesVersionBody = z
  .object({ id: z.uuid(), version: Version, reason: text(2000) })
  .strict();

export const MinutesWriteResponse = z.object({ id: z.uuid(), version: z.number().int() });

const UserRef = z.object({ id: z.uuid(), name: z.string() });

/** What a re-review or plan-approval decision acts on (the due review, the plan awaiting approval). */
export const MinutesTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('review'),
    id: z.uuid(),
    version: z.number().int(),
    months: z.number().int(),
  }),
  z.object({ kind: z.literal('closure'), id: z.uuid(), outcome: z.string() }),
  z.object({
    kind: z.literal('plan'),
    id: z.uuid(),
    version: z.number().int(),
    number: z.number().int(),
  }),
]);
export type MinutesTarget = z.infer<typeof MinutesTargetSchema>;

export const MinutesItemSchema = z.object({
  agendaItemId: z.uuid(),
  position: z.number().int(),
  kind: z.string(),
  /** The heading of a topic; null for a record's item (shown by its reference). */
  title: z.string().nullable(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  inquiryId: z.uuid().nullable(),
  inquiryReference: z.string().nullable(),
  dueOn: z.iso.date().nullable(),
  assessed: z.string().nullable(),
  decision: z.string().nullable(),
  /** The text is about the concern itself and the caller lacks the case's compartment. */
  textHidden: z.boolean(),
  action: z
    .object({
      kind: MinutesActionKindSchema,
      resourceId: z.string(),
      actedAt: z.iso.datetime(),
    })
    .nullable(),
  /** The decisions the caller may record on this item now (empty once acted or approved). */
  actions: z.array(MinutesActionKindSchema),
  /** What a re-review or plan decision acts on; null when none is offered. */
  target: MinutesTargetSchema.nullable(),
  /**
   * The version of the item's inquiry as read (null for a case or a topic: a case decision names
   * the version of what it acts on, `target`): a decision sends it back as `inquiryVersion`, so
   * a change made meanwhile answers 409 instead of being overwritten.
   */
  recordVersion: z.number().int().nullable(),
});
export type MinutesItem = z.infer<typeof MinutesItemSchema>;

export const MinutesTaskSchema = z.object({
  id: z.uuid(),
  /** Null when the task is on a case item whose text the caller may not see (the compartment). */
  description: z.string().nullable(),
  responsible: UserRef,
  dueOn: z.iso.date(),
  agendaItemId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  caseReference: z.string().nullable(),
  inquiryId: z.uuid().nullable(),
  inquiryReference: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.iso.datetime().nullable(),
  version: z.number().int(),
  mayMarkDone: z.boolean(),
});
export type MinutesTask = z.infer<typeof MinutesTaskSchema>;

export const MinutesVersionSchema = z.object({
  id: z.uuid(),
  versionNo: z.number().int(),
  status: z.enum(['draft', 'approved']),
  correctionReason: z.string().nullable(),
  approvedAt: z.iso.datetime().nullable(),
  approvedBy: z.string().nullable(),
  noPersonalDataConfirmedAt: z.iso.datetime().nullable(),
  noPersonalDataConfirmedBy: z.string().nullable(),
  version: z.number().int(),
});
export type MinutesVersion = z.infer<typeof MinutesVersionSchema>;

export const MinutesViewSchema = z.object({
  meeting: z.object({
    id: z.uuid(),
    forumName: z.string(),
    forumKind: z.string(),
    meetingType: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    place: z.string().nullable(),
    status: z.string(),
  }),
  /** The version shown (the latest unless one was asked for); null before the minutes start. */
  minutes: MinutesVersionSchema.nullable(),
  versions: z.array(MinutesVersionSchema),
  items: z.array(MinutesItemSchema),
  attendance: z.object({
    participants: z.array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        kind: z.enum(['member', 'guest']),
        attended: z.boolean().nullable(),
      }),
    ),
    guests: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        organisation: z.string().nullable(),
        attended: z.boolean().nullable(),
      }),
    ),
  }),
  tasks: z.array(MinutesTaskSchema),
  /** What the caller may do with the minutes, computed by the server (the web never decides). */
  abilities: z.object({
    start: z.boolean(),
    write: z.boolean(),
    approve: z.boolean(),
    newVersion: z.boolean(),
    /** Approval needs the chair's confirmation that the minutes hold no personal data. */
    confirmNoPersonalData: z.boolean(),
  }),
});
export type MinutesView = z.infer<typeof MinutesViewSchema>;
