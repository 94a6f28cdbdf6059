import { translate, type Locale } from '../../platform/i18n/index.ts';
import {
  assessmentChangeField,
  textChange,
  type AssessmentChangeField,
} from '../assessments/changes.ts';
import type { ChangeValue } from './summary.ts';

/**
 * An assessment edit's changes in words for the case summary (assessments/changes.ts), the same
 * as the web's chronology: "Voldsparathed – Trivsel og modstandskraft: ændret", "Beskyttende
 * faktorer: 1 punkt → 3 punkter", "Bekymringsniveau: Lav bekymring → Høj bekymring", "Hvor ofte
 * der skal følges op: Hver måned (30 dage) → Hver uge". Texts are never printed (they are not
 * stored); a key that is not an assessment field prints as "Anden oplysning", never as itself.
 */
export function assessmentChangeWords(locale: Locale) {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `caseSummary.${key}`, params);
  const a = (key: string, params?: Record<string, string | number>) =>
    t(`assessmentChanges.${key}`, params);

  const label = (f: AssessmentChangeField): string =>
    f.dimension && f.lens
      ? a('dimensionField', {
          dimension: a(`dimensions.${f.dimension}`),
          lens: a(`lenses.${f.lens}`),
        })
      : a(`fields.${f.key}`);

  const points = (value: ChangeValue): string => {
    const count = typeof value === 'number' ? value : 0;
    if (count === 0) return a('points.none');
    return count === 1 ? a('points.one') : a('points.many', { count });
  };

  const interval = (value: ChangeValue): string => {
    if (typeof value !== 'number') return a('notChosen');
    const known = a(`interval.${value}`);
    return known === `caseSummary.assessmentChanges.interval.${value}`
      ? a('interval.other', { days: value })
      : known;
  };

  const level = (value: ChangeValue): string => {
    if (typeof value !== 'string') return t('notJudged');
    const words = t(`values.concernLevel.${value}`);
    return words.startsWith('caseSummary.') ? '–' : words;
  };

  return (changes: Record<string, { from: ChangeValue; to: ChangeValue }>): string[] =>
    Object.entries(changes).map(([key, change]) => {
      const f = assessmentChangeField(key);
      if (!f) return t('fact', { field: t('fields.other'), value: '–' });
      const field = label(f);
      switch (f.kind) {
        case 'text':
          return t('fact', { field, value: a(`text.${textChange(change)}`) });
        case 'list':
          return change.from === change.to
            ? t('fact', { field, value: a('listChanged', { points: points(change.to) }) })
            : t('change', { field, from: points(change.from), to: points(change.to) });
        case 'level':
          return t('change', { field, from: level(change.from), to: level(change.to) });
        case 'interval':
          return t('change', { field, from: interval(change.from), to: interval(change.to) });
      }
    });
}
