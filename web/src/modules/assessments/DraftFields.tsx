import type { ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RadioGroup, Select, TextArea } from '../../ui/form';
import { useIntervalText } from './assessmentFields';
import {
  CONCERN_LEVELS,
  DIMENSIONS,
  FOLLOW_UP_INTERVALS,
  LIMITS,
  type ConcernLevel,
} from './assessmentsApi';
import type { AssessmentValues } from './assessmentValues';
import { FactorList } from './FactorList';

/**
 * The draft form's fields, group by group, bound to the form of `<Form>` (AssessmentForm): the
 * nine dimensions with their two lenses, the factor lists, the citizen's resources and own view
 * (and a child's own view and involvement) and the sources, and the overall judgement with the concern level chosen by the
 * professionals, the interventions and the follow-up frequency.
 */

type TextKey =
  | 'resources'
  | 'citizenPerspective'
  | 'childView'
  | 'childInvolvement'
  | 'sources'
  | 'recommendedInterventions'
  | 'interventionTargets';

function TextFields({ keys }: { keys: TextKey[] }) {
  const { t } = useTranslation();
  return keys.map((key) => (
    <TextArea
      key={key}
      name={key}
      label={t(`assessments.fields.${key}`)}
      hint={t(`assessments.hints.${key}`)}
      rows={4}
      maxLength={LIMITS.text}
    />
  ));
}

export function DimensionFields({ networkMapLink }: { networkMapLink?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <fieldset className="assessment-fieldset">
      <legend className="h4">{t('assessments.groups.dimensions')}</legend>
      <p className="form-hint">{t('assessments.form.dimensionsHint')}</p>
      {DIMENSIONS.map((d) => (
        <fieldset key={d} className="assessment-dimension">
          <legend className="assessment-dimension-name">{t(`assessments.dimensions.${d}`)}</legend>
          <p className="form-hint">{t(`assessments.dimensionHints.${d}`)}</p>
          {d === 'network_leisure' && networkMapLink}
          <div className="assessment-lenses">
            {(['risk', 'wellbeing'] as const).map((lens) => (
              <TextArea
                key={lens}
                name={`dimensions.${d}.${lens}`}
                label={t(`assessments.lenses.${lens}`)}
                rows={4}
                maxLength={LIMITS.dimensionText}
                widthClass="input-width-xl assessment-textarea"
              />
            ))}
          </div>
        </fieldset>
      ))}
    </fieldset>
  );
}

/** The two factor lists, each with the name of one of its items. */
const FACTOR_LISTS = [
  { name: 'riskFactors', item: 'riskFactor' },
  { name: 'protectiveFactors', item: 'protectiveFactor' },
] as const;

export function FactorFields() {
  const { t } = useTranslation();
  const limits = { max: LIMITS.listItems, length: LIMITS.listItem };
  return (
    <fieldset className="assessment-fieldset">
      <legend className="h4">{t('assessments.groups.factors')}</legend>
      {FACTOR_LISTS.map(({ name, item }) => (
        <FactorList
          key={name}
          name={name}
          legend={t(`assessments.fields.${name}`)}
          item={t(`assessments.fields.${item}`)}
          hint={t(`assessments.form.${name}Hint`, limits)}
        />
      ))}
    </fieldset>
  );
}

/** The citizen's fields; for a child also the child's own view and how the child was involved. */
export function CitizenFields({ aboutChild }: { aboutChild: boolean }) {
  const { t } = useTranslation();
  return (
    <fieldset className="assessment-fieldset">
      <legend className="h4">{t('assessments.groups.citizen')}</legend>
      <TextFields keys={['resources', 'citizenPerspective']} />
      {aboutChild && <TextFields keys={['childView', 'childInvolvement']} />}
      <TextFields keys={['sources']} />
    </fieldset>
  );
}

export function JudgementFields() {
  const { t } = useTranslation();
  const intervalText = useIntervalText();
  const chosen = useWatch<AssessmentValues, 'followUpIntervalDays'>({
    name: 'followUpIntervalDays',
  });
  // A frequency stored outside the offered ones is offered too, so it stays chosen.
  const intervals: number[] = [...FOLLOW_UP_INTERVALS];
  if (chosen !== null && !intervals.includes(chosen)) intervals.push(chosen);
  return (
    <fieldset className="assessment-fieldset">
      <legend className="h4">{t('assessments.groups.judgement')}</legend>
      <TextArea
        name="overallJudgement"
        label={t('assessments.fields.overallJudgement')}
        hint={t('assessments.hints.overallJudgement')}
        rows={8}
        maxLength={LIMITS.overallJudgement}
      />
      <RadioGroup<ConcernLevel | 'none'>
        name="concernLevel"
        label={t('cases.concernLevel.label')}
        hint={t('assessments.hints.concernLevel')}
        options={[
          { value: 'none', label: t('assessments.form.concernNone') },
          ...CONCERN_LEVELS.map((level) => ({
            value: level,
            label: t(`cases.concernLevel.${level}`),
          })),
        ]}
      />
      <TextFields keys={['recommendedInterventions', 'interventionTargets']} />
      <Select
        name="followUpIntervalDays"
        label={t('assessments.fields.followUpIntervalDays')}
        hint={t('assessments.hints.followUpIntervalDays')}
        empty="null"
        asNumber
      >
        <option value="">{t('assessments.form.intervalNone')}</option>
        {intervals.map((days) => (
          <option key={days} value={days}>
            {intervalText(days)}
          </option>
        ))}
      </Select>
    </fieldset>
  );
}
