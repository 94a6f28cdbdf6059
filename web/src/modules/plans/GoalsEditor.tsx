import { useFieldArray, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES } from '../../../../shared/values.ts';
import { DateInput, ErrorMessage, Select, TextArea, TextInput } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { goalTitle, newGoal, type PlanValues } from './planValues';
import { useSummaryLabels } from './summaryLabels';

type Members = CaseDetail['members'];

/** The fields of one goal or sub-goal, named in the error summary by the goal's title. */
function GoalFields({ index, title, members }: { index: number; title: string; members: Members }) {
  const { t } = useTranslation();
  const name = (field: string) => `goals.${index}.${field}`;
  const responsible = useWatch<PlanValues, `goals.${number}.responsible`>({
    name: `goals.${index}.responsible`,
  });
  const label = (field: string, text: string) => ({
    name: name(field),
    label: `${title} – ${text}`,
  });
  useSummaryLabels([
    label('text', t('plans.goalFields.text')),
    label('responsible', t('plans.goalFields.responsible')),
    label('otherName', t('plans.otherPersonName')),
    label('targetDate', t('plans.goalFields.targetDate')),
    label('status', t('plans.goalFields.status')),
  ]);
  return (
    <>
      <TextArea name={name('text')} label={t('plans.goalFields.text')} rows={2} maxLength={500} />
      <Select name={name('responsible')} label={t('plans.goalFields.responsible')}>
        <option value="">{t('plans.choose')}</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.displayName}
          </option>
        ))}
        <option value="other">{t('plans.otherPerson')}</option>
      </Select>
      {responsible === 'other' && (
        <TextInput
          name={name('otherName')}
          label={t('plans.otherPersonName')}
          hint={t('plans.otherPersonHint')}
          maxLength={200}
        />
      )}
      <DateInput name={name('targetDate')} label={t('plans.goalFields.targetDate')} />
      <Select name={name('status')} label={t('plans.goalFields.status')}>
        {GOAL_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`cases.goalStatus.${s}`)}
          </option>
        ))}
      </Select>
    </>
  );
}

/**
 * "Mål og delmål": the plan's goals, each with its sub-goals under it, to add and remove. The
 * list keeps each goal's sub-goals right after it, in the order the plan shows them.
 */
export function GoalsEditor({ members, formId }: { members: Members; formId: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<PlanValues>();
  const { errors } = useFormState<PlanValues>({ name: 'goals' });
  const { fields, append, insert, remove } = useFieldArray({ control, name: 'goals' });
  const addGoalId = `${formId}-add-goal`;
  useSummaryLabels([{ name: 'goals', id: addGoalId, label: t('plans.fields.goals') }]);
  const goalsError = (errors.goals as { message?: string } | undefined)?.message;
  const title = (index: number) => goalTitle(fields, index, t);

  const addSubGoal = (parentKey: string) => {
    // After the parent's last sub-goal, so the list keeps each goal's sub-goals under it.
    const last = fields.reduce(
      (at, g, i) => (g.key === parentKey || g.parentKey === parentKey ? i : at),
      -1,
    );
    insert(last + 1, newGoal(parentKey), { shouldFocus: false });
  };
  const removeGoal = (key: string) =>
    remove(fields.flatMap((g, i) => (g.key === key || g.parentKey === key ? [i] : [])));

  return (
    <fieldset className={goalsError ? 'plan-goals-form form-error' : 'plan-goals-form'}>
      <legend className="form-label">{t('plans.fields.goals')}</legend>
      <ErrorMessage id={`${addGoalId}-error`} error={goalsError} />
      {fields.map((goal, index) =>
        goal.parentKey === null ? (
          <fieldset key={goal.id} className="plan-goal-form">
            <legend className="h5">{title(index)}</legend>
            <GoalFields index={index} title={title(index)} members={members} />
            {fields.map((sub, subIndex) =>
              sub.parentKey === goal.key ? (
                <fieldset key={sub.id} className="plan-subgoal-form">
                  <legend className="h6">{title(subIndex)}</legend>
                  <GoalFields index={subIndex} title={title(subIndex)} members={members} />
                  <button
                    type="button"
                    className="button button-tertiary"
                    onClick={() => removeGoal(sub.key)}
                  >
                    {t('plans.removeSubGoal', { title: title(subIndex) })}
                  </button>
                </fieldset>
              ) : null,
            )}
            <div className="plan-goal-buttons">
              <button
                type="button"
                className="button button-secondary"
                onClick={() => addSubGoal(goal.key)}
              >
                {t('plans.addSubGoal', { title: title(index) })}
              </button>
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => removeGoal(goal.key)}
              >
                {t('plans.removeGoal', { title: title(index) })}
              </button>
            </div>
          </fieldset>
        ) : null,
      )}
      <button
        id={addGoalId}
        type="button"
        className="button button-secondary"
        onClick={() => append(newGoal(null), { shouldFocus: false })}
      >
        {t('plans.addGoal')}
      </button>
    </fieldset>
  );
}
