import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup, DateInput, Select, TextArea, TextInput } from '../../ui/form';
import type { AreaPlanOptions } from './areaPlansApi';
import { newAreaGoal, type AreaPlanValues } from './areaPlanValues';
import { connectorLabel } from './labels';

function GoalFields({ index, options }: { index: number; options: AreaPlanOptions }) {
  const { t } = useTranslation();
  const name = (field: string) => `goals.${index}.${field}`;
  const responsible = useWatch<AreaPlanValues, `goals.${number}.responsible`>({
    name: `goals.${index}.responsible`,
  });
  return (
    <>
      <TextInput name={name('title')} label={t('areaPlans.goal.title')} maxLength={500} />
      <TextArea
        name={name('description')}
        label={t('areaPlans.goal.description')}
        rows={2}
        empty="null"
      />
      <Select
        name={name('responsible')}
        label={t('areaPlans.goal.responsible')}
        hint={t('areaPlans.goal.responsibleHint')}
      >
        <option value="">{t('areaPlans.choose')}</option>
        {options.team.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
        <option value="role">{t('areaPlans.goal.roleOption')}</option>
      </Select>
      {responsible === 'role' && (
        <TextInput name={name('role')} label={t('areaPlans.goal.role')} maxLength={200} />
      )}
      <DateInput name={name('dueOn')} label={t('areaPlans.goal.dueOn')} />
      <DateInput name={name('reviewOn')} label={t('areaPlans.goal.reviewOn')} empty="null" />
      <CheckboxGroup
        name={name('connectorIds')}
        label={t('areaPlans.goal.connectors')}
        options={options.connectors.map((c) => ({ value: c.id, label: connectorLabel(t, c) }))}
        empty={t('areaPlans.analysis.noConnectors')}
      />
    </>
  );
}

/** "Mål": the plan's concrete goals for the area, a field array to add and remove. */
export function AreaGoalsEditor({ options }: { options: AreaPlanOptions }) {
  const { t } = useTranslation();
  const { control } = useFormContext<AreaPlanValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'goals' });
  return (
    <fieldset>
      <legend className="form-label">{t('areaPlans.plan.goals')}</legend>
      {fields.map((goal, index) => (
        <fieldset key={goal.id} className="area-plan-item">
          <legend className="h5">{t('areaPlans.goal.heading', { number: index + 1 })}</legend>
          <GoalFields index={index} options={options} />
          <button type="button" className="button button-tertiary" onClick={() => remove(index)}>
            {t('areaPlans.goal.remove', { number: index + 1 })}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => append(newAreaGoal(), { shouldFocus: false })}
      >
        {t('areaPlans.goal.add')}
      </button>
    </fieldset>
  );
}
