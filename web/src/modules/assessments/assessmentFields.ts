import { useTranslation } from 'react-i18next';
import { DIMENSIONS, type Assessment } from './assessmentsApi';

/**
 * The fields of an assessment as the read view and the comparison list them, in the tool's order.
 * `value` is undefined when the server left a compartment field out (the reader has no access to
 * it), null when it is empty, and otherwise the text or the list as the page shows it.
 */
export type FieldValue = string | string[] | null;
export type FieldGroup = 'dimensions' | 'factors' | 'citizen' | 'judgement';

export interface FieldRow {
  key: string;
  group: FieldGroup;
  /** The dimension the row belongs to (dimension rows only). */
  dimension?: string;
  label: string;
  value: (a: Assessment) => FieldValue | undefined;
  /** Shown only for an assessment about a child (the child's own view). */
  childOnly?: boolean;
}

/** The fields shown as they are, labelled `assessments.fields.<key>`. */
type PlainKey =
  | 'protectiveFactors'
  | 'resources'
  | 'citizenPerspective'
  | 'childView'
  | 'childInvolvement'
  | 'sources'
  | 'recommendedInterventions'
  | 'interventionTargets';

export function useIntervalText() {
  const { t } = useTranslation();
  return (days: number | null): string | null => {
    if (days === null) return null;
    if (days === 7) return t('assessments.interval.7');
    if (days === 14) return t('assessments.interval.14');
    if (days === 30) return t('assessments.interval.30');
    if (days === 60) return t('assessments.interval.60');
    if (days === 90) return t('assessments.interval.90');
    return t('assessments.interval.other', { days });
  };
}

export function useFieldRows(): FieldRow[] {
  const { t } = useTranslation();
  const intervalText = useIntervalText();
  const present = <K extends keyof Assessment>(a: Assessment, key: K) => key in a;
  // A field shown as it is, under its own label.
  const plain = (key: PlainKey, group: FieldGroup): FieldRow => ({
    key,
    group,
    label: t(`assessments.fields.${key}`),
    value: (a) => a[key],
  });
  return [
    ...DIMENSIONS.flatMap((d): FieldRow[] => [
      {
        key: `${d}.risk`,
        group: 'dimensions',
        dimension: t(`assessments.dimensions.${d}`),
        label: t('assessments.lenses.risk'),
        value: (a) => ('risk' in a.dimensions[d] ? (a.dimensions[d].risk ?? null) : undefined),
      },
      {
        key: `${d}.wellbeing`,
        group: 'dimensions',
        dimension: t(`assessments.dimensions.${d}`),
        label: t('assessments.lenses.wellbeing'),
        value: (a) => a.dimensions[d].wellbeing,
      },
    ]),
    {
      key: 'riskFactors',
      group: 'factors',
      label: t('assessments.fields.riskFactors'),
      value: (a) => (present(a, 'riskFactors') ? (a.riskFactors ?? []) : undefined),
    },
    plain('protectiveFactors', 'factors'),
    plain('resources', 'citizen'),
    plain('citizenPerspective', 'citizen'),
    { ...plain('childView', 'citizen'), childOnly: true },
    { ...plain('childInvolvement', 'citizen'), childOnly: true },
    plain('sources', 'citizen'),
    {
      key: 'overallJudgement',
      group: 'judgement',
      label: t('assessments.fields.overallJudgement'),
      value: (a) => (present(a, 'overallJudgement') ? (a.overallJudgement ?? null) : undefined),
    },
    {
      key: 'concernLevel',
      group: 'judgement',
      label: t('cases.concernLevel.label'),
      value: (a) => (a.concernLevel ? t(`cases.concernLevel.${a.concernLevel}`) : null),
    },
    plain('recommendedInterventions', 'judgement'),
    plain('interventionTargets', 'judgement'),
    {
      key: 'followUpIntervalDays',
      group: 'judgement',
      label: t('assessments.fields.followUpIntervalDays'),
      value: (a) => intervalText(a.followUpIntervalDays),
    },
  ];
}

/** The rows of these assessments: the child's own view only when one of them is about a child. */
export function rowsFor(rows: FieldRow[], ...assessments: Assessment[]): FieldRow[] {
  const child = assessments.some((a) => a.aboutChild);
  return rows.filter((row) => !row.childOnly || child);
}

/** Whether two shown values differ (an empty list and nothing count as the same). */
export function differs(a: FieldValue, b: FieldValue): boolean {
  const norm = (v: FieldValue) => (Array.isArray(v) && v.length === 0 ? null : v);
  return JSON.stringify(norm(a)) !== JSON.stringify(norm(b));
}
