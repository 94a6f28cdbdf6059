import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InterventionTypeQuery } from '../../../../server/modules/interventions/schema.ts';
import { Form, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import { AGE_GROUPS, LEVELS, type CatalogueFilter } from './catalogueApi';

const NO_FILTER: CatalogueFilter = { level: undefined, ageGroup: undefined, active: undefined };

/**
 * The catalogue's filters (the list's own query schema; "Alle" is no filter): a change applies
 * at once.
 */
export function CatalogueFilters({ onChange }: { onChange: (filter: CatalogueFilter) => void }) {
  const { t } = useTranslation();
  const form = useZodForm(InterventionTypeQuery, { defaultValues: NO_FILTER });
  const [level, ageGroup, active] = useWatch({
    control: form.control,
    name: ['level', 'ageGroup', 'active'],
  });
  useEffect(() => onChange({ level, ageGroup, active }), [onChange, level, ageGroup, active]);
  return (
    <Form
      id="catalogue-filter"
      form={form}
      className="admin-filters"
      summary={false}
      onSubmit={(filter) => onChange(filter)}
    >
      <OptionSelect
        name="level"
        label={t('interventions.fields.level')}
        empty="undefined"
        none={t('interventions.filter.any')}
        options={LEVELS.map((l) => ({ value: l, label: t(`interventions.levels.${l}`) }))}
      />
      <OptionSelect
        name="ageGroup"
        label={t('interventions.fields.ageGroup')}
        empty="undefined"
        none={t('interventions.filter.any')}
        options={AGE_GROUPS.map((a) => ({ value: a, label: t(`interventions.ageGroups.${a}`) }))}
      />
      <OptionSelect
        name="active"
        label={t('interventions.filter.status')}
        empty="undefined"
        none={t('interventions.filter.any')}
        options={[
          { value: 'true', label: t('interventions.filter.active') },
          { value: 'false', label: t('interventions.filter.inactive') },
        ]}
      />
    </Form>
  );
}
