import { translate, type Locale } from '../../platform/i18n/index.ts';
import { CHRONOLOGY_FACT_FIELDS } from '../../../shared/values.ts';
import { documentDate } from '../../platform/pdf-layout.ts';
import { isAssessmentEdit } from '../assessments/changes.ts';
import { assessmentChangeWords } from './assessment-change-words.ts';
import type { ChangeValue } from './summary.ts';

/**
 * A chronology event's changes in words for the case summary: "Bekymringsniveau: Moderat
 * bekymring → Høj bekymring", "Status: Planlagt → I gang". Field names and coded values come from
 * the summary's translations (caseSummary.fields / caseSummary.values, the same words as the
 * web's chronology); dates are written out; free text (a reason, a provider's name) is printed as
 * it is. A field or code the translations do not know never prints its key: the field is
 * "Anden oplysning" and the value is left as the user wrote it only when it is not a code.
 */

/** The value list of a field's codes; `status` depends on what the event is about. */
function valueList(kind: string, field: string): readonly string[] {
  switch (field) {
    case 'status':
      if (kind.startsWith('intervention_') || kind.startsWith('consent_')) {
        return ['interventionStatus'];
      }
      if (kind.startsWith('offer_')) return ['offerStatus'];
      if (kind.startsWith('follow_up_')) return ['followUpStatus'];
      return ['caseStatus', 'interventionStatus', 'offerStatus'];
    case 'concernLevel':
      return ['concernLevel'];
    case 'role':
      return ['caseRole'];
    case 'personRole':
      return ['personRole'];
    case 'offer':
      return ['offerKind'];
    case 'givenBy':
      return ['consentGivenBy'];
    case 'method':
      return ['consentMethod'];
    case 'reason':
      return ['changeReason'];
    case 'document':
      return ['filingDocument'];
    case 'scope':
    case 'outcome':
    case 'decision':
    case 'extremismForm':
    case 'ageGroup':
    case 'authorityArea':
    case 'subjectKind':
    case 'environment':
    case 'noticeMethod':
    case 'noticeExemption':
    case 'contactChannel':
    case 'contactOutcome':
    case 'meetingPurpose':
      return [field];
    default:
      return [];
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** A code: lower-case letters and underscores only (free text has capitals, spaces or digits). */
const CODE = /^[a-z]+(_[a-z]+)*$/;

export function changeWords(locale: Locale) {
  const t = (key: string, params?: Record<string, string | number>) =>
    translate(locale, `caseSummary.${key}`, params);
  const known = (key: string) => {
    const text = t(key);
    return text === `caseSummary.${key}` ? null : text;
  };

  const valueText = (kind: string, field: string, value: ChangeValue): string => {
    if (value === null || value === '') return '–';
    if (typeof value === 'boolean') return t(value ? 'yes' : 'no');
    if (typeof value === 'number') return String(value);
    for (const list of valueList(kind, field)) {
      const label = known(`values.${list}.${value}`);
      if (label) return label;
    }
    // Dates, alone or listed ("2026-03-01, 2026-06-01"), written out.
    const parts = value.split(', ');
    if (parts.every((p) => DATE.test(p)))
      return parts.map((p) => documentDate(locale, p)).join(', ');
    return value;
  };

  const fieldText = (field: string) => known(`fields.${field}`) ?? t('fields.other');

  const isFact = (field: string) => (CHRONOLOGY_FACT_FIELDS as readonly string[]).includes(field);
  const assessmentLines = assessmentChangeWords(locale);

  /**
   * One line per changed field, e.g. "Status: Planlagt → I gang"; a fact the event states (the
   * inquiry a case was opened from, a reason for resuming) by its value alone, as on the web.
   */
  return (
    kind: string,
    changes: Record<string, { from: ChangeValue; to: ChangeValue }>,
    neutralIntervention: string,
  ): string[] =>
    // An assessment edit names the assessment's fields (assessments/changes.ts).
    isAssessmentEdit(kind)
      ? assessmentLines(changes)
      : Object.entries(changes).map(([field, change]) => {
          const to =
            field === 'intervention' && change.to === null
              ? neutralIntervention
              : valueText(kind, field, change.to);
          if (isFact(field) && change.from === null)
            return t('fact', { field: fieldText(field), value: to });
          const from = valueText(kind, field, change.from);
          // A code with no label (a value list grew without its words) is not shown as a key.
          const words = (text: string) =>
            CODE.test(text) && valueList(kind, field).length ? '–' : text;
          return t('change', { field: fieldText(field), from: words(from), to: words(to) });
        });
}
