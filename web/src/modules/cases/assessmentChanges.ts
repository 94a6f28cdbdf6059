import { useTranslation } from 'react-i18next';
import { CONCERN_LEVELS } from '../../../../shared/values.ts';
import {
  assessmentChangeField,
  textChange,
  type AssessmentChangeField,
} from '../../../../server/modules/assessments/changes.ts';
import { useIntervalText } from '../assessments/assessmentFields';

/**
 * An assessment edit's changes as the chronology shows them (server/modules/assessments/
 * changes.ts): each field under the label the assessment page gives it, and what happened in
 * words — a text "udfyldt", "ændret" or "slettet" (never the text), a list's points, the concern
 * level and the follow-up interval from → to. The case summary PDF says the same.
 */
export interface ChangeLine {
  key: string;
  label: string;
  text: string;
}

type Value = string | number | boolean | null;

const LABELLED = [
  'riskFactors',
  'protectiveFactors',
  'resources',
  'citizenPerspective',
  'childView',
  'childInvolvement',
  'sources',
  'overallJudgement',
  'recommendedInterventions',
  'interventionTargets',
  'followUpIntervalDays',
] as const;
const isIn = <T extends string>(value: string, list: readonly T[]): value is T =>
  (list as readonly string[]).includes(value);

export function useAssessmentChangeLines() {
  const { t } = useTranslation();
  const intervalText = useIntervalText();

  const label = (f: AssessmentChangeField): string => {
    if (f.dimension && f.lens) {
      return t('cases.chronology.assessment.dimensionField', {
        dimension: t(`assessments.dimensions.${f.dimension}`),
        lens: t(`assessments.lenses.${f.lens}`),
      });
    }
    if (f.key === 'concernLevel') return t('cases.concernLevel.label');
    return isIn(f.key, LABELLED) ? t(`assessments.fields.${f.key}`) : t('cases.chronology.other');
  };
  const points = (value: Value): string => {
    const count = typeof value === 'number' ? value : 0;
    if (count === 0) return t('cases.chronology.assessment.points.none');
    return count === 1
      ? t('cases.chronology.assessment.points.one')
      : t('cases.chronology.assessment.points.many', { count });
  };
  const level = (value: Value): string =>
    typeof value === 'string' && isIn(value, CONCERN_LEVELS)
      ? t(`cases.concernLevel.${value}`)
      : t('cases.concernLevel.none');
  const interval = (value: Value): string =>
    (typeof value === 'number' ? intervalText(value) : null) ??
    t('cases.chronology.assessment.notChosen');
  const fromTo = (from: string, to: string) => t('cases.chronology.fromTo', { from, to });

  return (changes: Record<string, { from: Value; to: Value }>): ChangeLine[] =>
    Object.entries(changes).map(([key, change]) => {
      const f = assessmentChangeField(key);
      if (!f) return { key, label: t('cases.chronology.other'), text: '–' };
      let text: string;
      switch (f.kind) {
        case 'text':
          text = t(`cases.chronology.assessment.text.${textChange(change)}`);
          break;
        case 'list':
          text =
            change.from === change.to
              ? t('cases.chronology.assessment.listChanged', { points: points(change.to) })
              : fromTo(points(change.from), points(change.to));
          break;
        case 'level':
          text = fromTo(level(change.from), level(change.to));
          break;
        case 'interval':
          text = fromTo(interval(change.from), interval(change.to));
          break;
      }
      return { key, label: label(f), text };
    });
}
