import { z } from 'zod';
import { AssessmentBody } from '../../../../server/modules/assessments/schema.ts';
import { addBodyIssues, renameServerErrors } from '../../ui/form';
import {
  DIMENSIONS,
  type Assessment,
  type AssessmentRequest,
  type ConcernLevel,
  type Dimension,
} from './assessmentsApi';

/**
 * The draft as the form holds it, and the request body it becomes: texts as typed (blank is
 * "not filled in", sent as null), lists as rows (blank rows are not sent), the concern level
 * `none` until the professionals choose one. The values are checked with the server's own
 * `AssessmentBody`, its problems put on the rows they came from.
 */
export interface AssessmentValues {
  dimensions: Record<Dimension, { risk: string; wellbeing: string }>;
  riskFactors: string[];
  protectiveFactors: string[];
  resources: string;
  citizenPerspective: string;
  childView: string;
  childInvolvement: string;
  sources: string;
  overallJudgement: string;
  concernLevel: ConcernLevel | 'none';
  recommendedInterventions: string;
  interventionTargets: string;
  followUpIntervalDays: number | null;
}

export type ListKey = 'riskFactors' | 'protectiveFactors';
const LISTS: ListKey[] = ['riskFactors', 'protectiveFactors'];

/** The form's values of a draft. */
export function valuesOf(a: Assessment): AssessmentValues {
  return {
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        { risk: a.dimensions[d].risk ?? '', wellbeing: a.dimensions[d].wellbeing ?? '' },
      ]),
    ) as AssessmentValues['dimensions'],
    riskFactors: a.riskFactors ?? [],
    protectiveFactors: a.protectiveFactors,
    resources: a.resources ?? '',
    citizenPerspective: a.citizenPerspective ?? '',
    // Only an assessment about a child holds the child's own view (the server refuses it else).
    childView: (a.aboutChild && a.childView) || '',
    childInvolvement: (a.aboutChild && a.childInvolvement) || '',
    sources: a.sources ?? '',
    overallJudgement: a.overallJudgement ?? '',
    concernLevel: a.concernLevel ?? 'none',
    recommendedInterventions: a.recommendedInterventions ?? '',
    interventionTargets: a.interventionTargets ?? '',
    followUpIntervalDays: a.followUpIntervalDays,
  };
}

/** For each row sent of a list, the row of the form it came from (blank rows are left out). */
export function sentRows(rows: string[]): number[] {
  return rows.flatMap((row, index) => (row.trim() === '' ? [] : [index]));
}

const text = (value: string) => (value.trim() === '' ? null : value);

/** The request body (PUT replaces the draft's whole content) of the form's values. */
export function bodyOf(values: AssessmentValues, version: number): AssessmentRequest {
  const list = (rows: string[]) => sentRows(rows).map((row) => rows[row] ?? '');
  return {
    version,
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        { risk: text(values.dimensions[d].risk), wellbeing: text(values.dimensions[d].wellbeing) },
      ]),
    ),
    riskFactors: list(values.riskFactors),
    protectiveFactors: list(values.protectiveFactors),
    resources: text(values.resources),
    citizenPerspective: text(values.citizenPerspective),
    childView: text(values.childView),
    childInvolvement: text(values.childInvolvement),
    sources: text(values.sources),
    overallJudgement: text(values.overallJudgement),
    concernLevel: values.concernLevel === 'none' ? null : values.concernLevel,
    recommendedInterventions: text(values.recommendedInterventions),
    interventionTargets: text(values.interventionTargets),
    followUpIntervalDays: values.followUpIntervalDays,
  };
}

/** A body path (`riskFactors.1`) as the form's (`riskFactors.3`, when rows 0 and 2 are blank). */
export function formPath(path: string, values: AssessmentValues): string {
  const [key, index, ...rest] = path.split('.');
  if (!LISTS.includes(key as ListKey) || index === undefined) return path;
  const row = sentRows(values[key as ListKey])[Number(index)];
  return row === undefined ? key! : [key, row, ...rest].join('.');
}

/** The form's check: the body the values make, by the server's `AssessmentBody`. */
export const AssessmentValuesSchema = z
  .custom<AssessmentValues>(() => true)
  .superRefine((values, ctx) => {
    addBodyIssues(ctx, AssessmentBody, bodyOf(values, 1), (path) => formPath(path, values));
  });

/** The server's field problems (`body.riskFactors.1`) on the form's rows. */
export function onFormRows(error: unknown, values: AssessmentValues): unknown {
  return renameServerErrors(error, (path) => formPath(path, values));
}
