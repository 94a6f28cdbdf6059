import { z } from 'zod';
import { ConcernLevelSchema } from '../cases/case-work.ts';
import { danishDay, isChildOn } from '../inquiries/child-report-view.ts';
import type { AssessmentRow } from './queries.ts';
import {
  AssessmentStatusSchema,
  DIMENSIONS,
  type Assessment,
  type AssessmentBody,
  type Dimension,
} from './schema.ts';

/**
 * An assessment's content: as stored in its columns, as a request body gives it, as the API
 * shows it, and which fields an edit changed.
 */

export type Body = z.infer<typeof AssessmentBody>;

/** The content of an assessment as stored (the columns a draft's edit replaces). */
export interface Content {
  dimensions: Record<Dimension, { risk: string | null; wellbeing: string | null }>;
  riskFactors: string[];
  protectiveFactors: string[];
  resources: string | null;
  citizenPerspective: string | null;
  childView: string | null;
  childInvolvement: string | null;
  sources: string | null;
  overallJudgement: string | null;
  concernLevel: z.infer<typeof ConcernLevelSchema> | null;
  recommendedInterventions: string | null;
  interventionTargets: string | null;
  followUpIntervalDays: number | null;
}

const StoredDimensions = z.record(
  z.string(),
  z.object({
    risk: z.string().nullable().optional(),
    wellbeing: z.string().nullable().optional(),
  }),
);
const StoredList = z.array(z.string());

const emptyToNull = (value: string | null): string | null =>
  value === null || value === '' ? null : value;

export function dimensionsOf(value: unknown): Content['dimensions'] {
  const stored = StoredDimensions.parse(value ?? {});
  return Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      { risk: stored[d]?.risk ?? null, wellbeing: stored[d]?.wellbeing ?? null },
    ]),
  ) as Content['dimensions'];
}

export function contentOfBody(body: Body): Content {
  return {
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        {
          risk: emptyToNull(body.dimensions[d]?.risk ?? null),
          wellbeing: emptyToNull(body.dimensions[d]?.wellbeing ?? null),
        },
      ]),
    ) as Content['dimensions'],
    riskFactors: body.riskFactors,
    protectiveFactors: body.protectiveFactors,
    resources: emptyToNull(body.resources),
    citizenPerspective: emptyToNull(body.citizenPerspective),
    childView: emptyToNull(body.childView),
    childInvolvement: emptyToNull(body.childInvolvement),
    sources: emptyToNull(body.sources),
    overallJudgement: emptyToNull(body.overallJudgement),
    concernLevel: body.concernLevel,
    recommendedInterventions: emptyToNull(body.recommendedInterventions),
    interventionTargets: emptyToNull(body.interventionTargets),
    followUpIntervalDays: body.followUpIntervalDays,
  };
}

export type ColumnValues = ReturnType<typeof columnsOf>;

export function columnsOf(content: Content) {
  return {
    dimensions: JSON.stringify(content.dimensions),
    risk_factors: JSON.stringify(content.riskFactors),
    protective_factors: JSON.stringify(content.protectiveFactors),
    resources: content.resources,
    citizen_perspective: content.citizenPerspective,
    child_view: content.childView,
    child_involvement: content.childInvolvement,
    sources: content.sources,
    overall_judgement: content.overallJudgement,
    concern_level: content.concernLevel,
    recommended_interventions: content.recommendedInterventions,
    intervention_targets: content.interventionTargets,
    follow_up_interval_days: content.followUpIntervalDays,
  };
}

export function contentOfRow(row: AssessmentRow): Content {
  return {
    dimensions: dimensionsOf(row.dimensions),
    riskFactors: StoredList.parse(row.risk_factors ?? []),
    protectiveFactors: StoredList.parse(row.protective_factors ?? []),
    resources: row.resources,
    citizenPerspective: row.citizen_perspective,
    childView: row.child_view,
    childInvolvement: row.child_involvement,
    sources: row.sources,
    overallJudgement: row.overall_judgement,
    concernLevel: row.concern_level === null ? null : ConcernLevelSchema.parse(row.concern_level),
    recommendedInterventions: row.recommended_interventions,
    interventionTargets: row.intervention_targets,
    followUpIntervalDays: row.follow_up_interval_days,
  };
}

/**
 * Whether the case's citizen (born `birthDate`) is a child on the assessment's day: the day it
 * was finalised, or today for a draft (Copenhagen days, the rule of reports about children).
 */
export function isAboutChild(
  birthDate: string | null,
  row: { finalised_at: Date | null },
  now: Date,
): boolean {
  return isChildOn(birthDate, danishDay(row.finalised_at ?? now));
}

/** The child's own view and involvement, emptied (a new assessment about an adult). */
export function withoutChildView(content: Content): Content {
  return { ...content, childView: null, childInvolvement: null };
}

export function toAssessment(row: AssessmentRow, aboutChild: boolean): Assessment {
  return {
    id: row.id,
    number: row.number,
    status: AssessmentStatusSchema.parse(row.status),
    basedOnId: row.based_on_id,
    version: row.version,
    aboutChild,
    ...contentOfRow(row),
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finalisedBy:
      row.finalised_by && row.finalised_by_name !== null
        ? { id: row.finalised_by, name: row.finalised_by_name }
        : null,
    finalisedAt: row.finalised_at ? row.finalised_at.toISOString() : null,
  };
}

/** The content of the first assessment of a case. */
export function emptyContent(): Content {
  return {
    dimensions: dimensionsOf({}),
    riskFactors: [],
    protectiveFactors: [],
    resources: null,
    citizenPerspective: null,
    childView: null,
    childInvolvement: null,
    sources: null,
    overallJudgement: null,
    concernLevel: null,
    recommendedInterventions: null,
    interventionTargets: null,
    followUpIntervalDays: null,
  };
}
