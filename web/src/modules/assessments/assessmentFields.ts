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
}

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
    {
      key: 'protectiveFactors',
      group: 'factors',
      label: t('assessments.fields.protectiveFactors'),
      value: (a) => a.protectiveFactors,
    },
    {
      key: 'resources',
      group: 'citizen',
      label: t('assessments.fields.resources'),
      value: (a) => a.resources,
    },
    {
      key: 'citizenPerspective',
      group: 'citizen',
      label: t('assessments.fields.citizenPerspective'),
      value: (a) => a.citizenPerspective,
    },
    {
      key: 'sources',
      group: 'citizen',
      label: t('assessments.fields.sources'),
      value: (a) => a.sources,
    },
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
    {
      key: 'recommendedInterventions',
      group: 'judgement',
      label: t('assessments.fields.recommendedInterventions'),
      value: (a) => a.recommendedInterventions,
    },
    {
      key: 'interventionTargets',
      group: 'judgement',
      label: t('assessments.fields.interventionTargets'),
      value: (a) => a.interventionTargets,
    },
    {
      key: 'followUpIntervalDays',
      group: 'judgement',
      label: t('assessments.fields.followUpIntervalDays'),
      value: (a) => intervalText(a.followUpIntervalDays),
    },
  ];
}

/** Whether two shown values differ (an empty list and nothing count as the same). */
export function differs(a: FieldValue, b: FieldValue): boolean {
  const norm = (v: FieldValue) => (Array.isArray(v) && v.length === 0 ? null : v);
  return JSON.stringify(norm(a)) !== JSON.stringify(norm(b));
}
