import { useTranslation } from 'react-i18next';
import { RadioGroup, TextInput } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { COMPETENCE_LIST, GOAL_STATUSES, type PlanGoal } from './followUpsApi';
import { RATINGS } from './followUpValues';

const NOTE_MAX = 2000;

/** The record form's goals of the approved plan: each one's status now and a note. */
export function GoalFields({ goals }: { goals: PlanGoal[] }) {
  const { t } = useTranslation();
  const statuses = GOAL_STATUSES.map((s) => ({ value: s, label: t(`cases.goalStatus.${s}`) }));
  return (
    <fieldset className="follow-up-fieldset">
      <legend className="form-label">{t('followUps.record.goalsLegend')}</legend>
      {goals.length === 0 ? (
        <p>{t('followUps.record.noPlan')}</p>
      ) : (
        <>
          <p className="form-hint">{t('followUps.record.goalsHint')}</p>
          {goals.map((g, index) => (
            <fieldset
              key={g.key}
              className={g.parentKey ? 'follow-up-goal follow-up-subgoal' : 'follow-up-goal'}
            >
              <legend className="form-label">
                {g.parentKey ? t('followUps.record.subGoal', { text: g.text }) : g.text}
              </legend>
              <OptionSelect
                name={`goals.${index}.status`}
                label={t('followUps.record.goalStatus')}
                hint={t('followUps.record.planStatus', {
                  status: t(`cases.goalStatus.${g.status}`),
                })}
                none={t('followUps.record.notAssessed')}
                options={statuses}
              />
              <TextInput
                name={`goals.${index}.note`}
                label={t('followUps.record.goalNote')}
                maxLength={NOTE_MAX}
              />
            </fieldset>
          ))}
        </>
      )}
    </fieldset>
  );
}

/** The record form's optional ratings 1–4 of the ten life competences. */
export function CompetenceFields() {
  const { t } = useTranslation();
  const options = RATINGS.map((r) => ({
    value: r,
    label: r === 'none' ? t('followUps.record.notRated') : r,
  }));
  return (
    <fieldset className="follow-up-fieldset">
      <legend className="form-label">{t('followUps.record.competencesLegend')}</legend>
      <p className="form-hint">
        {t('followUps.record.competencesHint')} {t('cases.competences.scale')}
      </p>
      {COMPETENCE_LIST.map((c) => (
        <RadioGroup
          key={c}
          name={`competences.${c}`}
          label={t(`cases.competences.${c}`)}
          className="inquiry-inline-options"
          options={options}
        />
      ))}
      <p className="form-hint">{t('cases.competences.source')}</p>
    </fieldset>
  );
}
