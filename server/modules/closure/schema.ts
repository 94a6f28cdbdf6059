import { z } from 'zod';
import { compartment, record } from '../../access/compartment.ts';
import { DateOnly, Version } from '../../platform/primitives.ts';
import { GoalStatusSchema, InterventionStatusSchema } from '../../../shared/values.ts';

/** Request and response shapes of closure and re-review, shared with the web app. */
export const ClosureOutcomeSchema = z.enum([
  'handled',
  'transferred',
  'police',
  'moved',
  'contact_lost',
  'other',
]);
export type ClosureOutcome = z.infer<typeof ClosureOutcomeSchema>;
export const ClosureStatusSchema = z.enum(['proposed', 'approved', 'rejected']);
export const DispositionSchema = z.enum(['end', 'continue_outside']);
export const ReviewStatusSchema = z.enum(['scheduled', 'confirmed', 'reopened', 'cancelled']);
const GoalStatus = GoalStatusSchema;
const InterventionStatus = InterventionStatusSchema;
/** Goal keys are uuids written by the plan; accepted as short opaque strings. */
const GoalKey = z.string().min(1).max(64);

export const ClosureParams = z.object({ id: z.uuid(), closureId: z.uuid() }).strict();
export const ReviewParams = z.object({ id: z.uuid(), reviewId: z.uuid() }).strict();

export const ProposeClosureBody = z
  .object({
    /** A client-made id: sending the same proposal twice answers with the first one. */
    id: z.uuid().optional(),
    outcome: ClosureOutcomeSchema,
    transferredUnitId: z.uuid().nullable().default(null),
    outcomeOther: z.string().trim().min(1).max(500).nullable().default(null),
    reason: z.string().trim().min(1).max(4000),
    goalStatuses: z
      .array(z.object({ goalKey: GoalKey, status: GoalStatus }).strict())
      .max(200)
      .default([]),
    interventionDispositions: z
      .array(z.object({ interventionId: z.uuid(), disposition: DispositionSchema }).strict())
      .max(200)
      .default([]),
  })
  .strict();
export type ProposeClosure = z.infer<typeof ProposeClosureBody>;

export const ApproveClosureBody = z.object({ caseVersion: Version }).strict();
export const RejectClosureBody = z.object({ comment: z.string().trim().min(1).max(2000) }).strict();

export const RecordReviewBody = z
  .object({
    /** The review's own version (optimistic locking). */
    version: Version,
    decision: z.enum(['confirm', 'reopen']),
    heldOn: DateOnly,
    reason: z.string().trim().min(1).max(4000).optional(),
    noLongerAtRisk: z.boolean().optional(),
    inEducationOrWork: z.boolean().optional(),
  })
  .strict();
export type RecordReview = z.infer<typeof RecordReviewBody>;

export const ClosureResponse = z.object({ id: z.uuid(), status: ClosureStatusSchema });
export const VersionResponse = z.object({ version: z.number().int() });

const Named = z.object({ id: z.uuid(), name: z.string() });

/**
 * An intervention's catalogue entry: `typeName` is null for an entry that reveals the concern
 * (docs/SECURITY.md; the web shows a neutral name), whose name travels in `concernTypeName`, a
 * compartment field only readers with the case's compartment receive.
 */
const TypeName = z.string().nullable().describe('null when the entry reveals the concern');
const ConcernTypeName = compartment(z.string().nullable());

export const ClosureSchema = z.object({
  id: z.uuid(),
  outcome: ClosureOutcomeSchema,
  transferredUnit: Named.nullable(),
  outcomeOther: z.string().nullable(),
  reason: z.string(),
  goalStatuses: z.array(
    z.object({ goalKey: z.string(), text: z.string().nullable(), status: GoalStatus }),
  ),
  interventionDispositions: z.array(
    z.object({
      interventionId: z.uuid(),
      typeName: TypeName,
      concernTypeName: ConcernTypeName,
      personName: z.string().nullable(),
      disposition: DispositionSchema,
    }),
  ),
  status: ClosureStatusSchema,
  proposedBy: Named,
  proposedAt: z.iso.datetime(),
  decidedBy: Named.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  decisionComment: z.string().nullable(),
});
export type Closure = z.infer<typeof ClosureSchema>;

export const ReviewSchema = z.object({
  id: z.uuid(),
  closureId: z.uuid(),
  months: z.union([z.literal(6), z.literal(12)]),
  dueOn: z.iso.date(),
  status: ReviewStatusSchema,
  heldOn: z.iso.date().nullable(),
  reason: z.string().nullable(),
  noLongerAtRisk: z.boolean().nullable(),
  inEducationOrWork: z.boolean().nullable(),
  decidedBy: Named.nullable(),
  decidedAt: z.iso.datetime().nullable(),
  version: z.number().int(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ClosureOverviewSchema = record(
  'case',
  z.object({
    /** The case's id: the tab is one record with the case's compartment rule. */
    id: z.uuid(),
    /** Every proposal, newest first. */
    closures: z.array(ClosureSchema),
    /** Re-reviews, by due date. */
    reviews: z.array(ReviewSchema),
    /** Interventions still planned, active or paused: each needs a disposition. */
    openInterventions: z.array(
      z.object({
        id: z.uuid(),
        typeName: TypeName,
        concernTypeName: ConcernTypeName,
        personName: z.string(),
        status: InterventionStatus,
      }),
    ),
    /** Goals of the current approved plan: each needs a status. */
    goals: z.array(
      z.object({
        key: z.string(),
        parentKey: z.string().nullable(),
        text: z.string(),
        status: GoalStatus.nullable(),
      }),
    ),
    /** The municipality's units, for "transferred to". */
    units: z.array(Named),
    /**
     * Pending proposals the caller may not approve, as they proposed them and the municipality
     * has four-eyes on closures: another of the case's coordinators must.
     */
    needsAnotherCoordinator: z.array(z.uuid()),
  }),
);
export type ClosureOverview = z.infer<typeof ClosureOverviewSchema>;
