import { z } from 'zod';
import { Version } from '../../platform/primitives.ts';
import { compartment, record } from '../../access/compartment.ts';
import { ConcernLevelSchema } from '../../../shared/values.ts';

/**
 * The 360° assessment (udredning) of a case, structured after NCFE's national assessment tool
 * (vurderingsværktøjet, stopekstremisme.dk): nine dimensions, each seen through two lenses —
 * risk and threat, wellbeing and resilience — plus risk and protective factors, the citizen's
 * resources and own perspective, the sources, the professionals' overall judgement and concern
 * level (chosen by people, never computed), the recommended interventions and the follow-up
 * frequency. Request and response shapes, shared with the web app.
 */

/** The nine dimensions, in the tool's order. */
export const DIMENSIONS = [
  'convictions_rhetoric',
  'personality',
  'violence',
  'mental_vulnerability',
  'criminal_history',
  'family',
  'socialisation_relationships',
  'network_leisure',
  'education_employment',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const AssessmentStatusSchema = z.enum(['draft', 'final', 'superseded']);
export type AssessmentStatus = z.infer<typeof AssessmentStatusSchema>;

/** Maximum lengths (the migration's checks; dimension texts are stored in JSON). */
export const LIMITS = {
  dimensionText: 4000,
  text: 4000,
  overallJudgement: 8000,
  listItems: 30,
  listItem: 500,
} as const;

/** The follow-up frequencies the web app offers (the database allows 7–365 days). */
export const FOLLOW_UP_INTERVALS = [7, 14, 30, 60, 90] as const;

export const AssessmentParams = z.object({ id: z.uuid(), assessmentId: z.uuid() }).strict();

/** A free text, trimmed; empty means "not filled in" (the service stores null). */
const text = (max: number) => z.string().trim().max(max).nullable().default(null);

const DimensionBody = z
  .object({
    risk: text(LIMITS.dimensionText),
    wellbeing: text(LIMITS.dimensionText),
  })
  .strict();

const ListBody = z
  .array(z.string().trim().min(1).max(LIMITS.listItem))
  .max(LIMITS.listItems)
  .default([]);

/** The draft's whole content (PUT replaces it): a field left out is empty afterwards. */
export const AssessmentBody = z
  .object({
    version: Version,
    dimensions: z
      .object(
        Object.fromEntries(DIMENSIONS.map((d) => [d, DimensionBody.optional()])) as {
          [K in Dimension]: z.ZodOptional<typeof DimensionBody>;
        },
      )
      .strict()
      .default({}),
    riskFactors: ListBody,
    protectiveFactors: ListBody,
    resources: text(LIMITS.text),
    citizenPerspective: text(LIMITS.text),
    /** Only when the case's citizen is a child (`aboutChild`); refused for an adult. */
    childView: text(LIMITS.text),
    childInvolvement: text(LIMITS.text),
    sources: text(LIMITS.text),
    overallJudgement: text(LIMITS.overallJudgement),
    concernLevel: ConcernLevelSchema.nullable().default(null),
    recommendedInterventions: text(LIMITS.text),
    interventionTargets: text(LIMITS.text),
    followUpIntervalDays: z.number().int().min(7).max(365).nullable().default(null),
  })
  .strict();
export type AssessmentBodyInput = z.input<typeof AssessmentBody>;

export const FinaliseBody = z.object({ version: Version }).strict();

const Person = z.object({ id: z.uuid(), name: z.string() });

/** One dimension as read: the risk lens is compartment content. */
const DimensionSchema = z.object({
  risk: compartment(z.string().nullable()),
  wellbeing: z.string().nullable(),
});

export const AssessmentSchema = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: AssessmentStatusSchema,
  /** The final assessment this one started from (null for the first). */
  basedOnId: z.uuid().nullable(),
  version: z.number().int(),
  dimensions: z.object(
    Object.fromEntries(DIMENSIONS.map((d) => [d, DimensionSchema])) as {
      [K in Dimension]: typeof DimensionSchema;
    },
  ),
  // Compartment: only the case's coordinators and forum members receive these keys.
  riskFactors: compartment(z.array(z.string())),
  protectiveFactors: z.array(z.string()),
  resources: z.string().nullable(),
  citizenPerspective: z.string().nullable(),
  /**
   * The case's citizen is under 18 on the assessment's day (the day it was finalised; a draft's
   * is today): the assessment holds the child's own view and how the child was involved.
   */
  aboutChild: z.boolean(),
  childView: z.string().nullable(),
  childInvolvement: z.string().nullable(),
  sources: z.string().nullable(),
  overallJudgement: compartment(z.string().nullable()),
  /** Chosen by the professionals; never computed. */
  concernLevel: ConcernLevelSchema.nullable(),
  recommendedInterventions: z.string().nullable(),
  interventionTargets: z.string().nullable(),
  followUpIntervalDays: z.number().int().nullable(),
  createdBy: Person,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  finalisedBy: Person.nullable(),
  finalisedAt: z.iso.datetime().nullable(),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

/** Every version of the case's assessment, newest first (one record: the case's compartment). */
export const AssessmentListSchema = record(
  'case',
  z.object({
    /** The case's id. */
    id: z.uuid(),
    items: z.array(AssessmentSchema),
  }),
);
export type AssessmentList = z.infer<typeof AssessmentListSchema>;

/** The answer to a change: the assessment as it is now (inside the case's record). */
export const AssessmentResponse = record(
  'case',
  z.object({
    /** The case's id. */
    id: z.uuid(),
    assessment: AssessmentSchema,
  }),
);
export type AssessmentResponseBody = z.infer<typeof AssessmentResponse>;
