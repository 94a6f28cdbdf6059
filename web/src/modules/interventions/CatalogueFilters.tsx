import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { InterventionTypeQuery } from '../../../../server/modules/interventions/schema.ts';
import { Form, Select, useZodForm } from '../../ui/form';
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
      <Select name="level" label={t('interventions.fields.level')} empty="undefined">
        <option value="">{t('interventions.filter.any')}</option>
        {LEVELS.map((l) => (
          <option key={l} value={l}>
            {t(`interventions.levels.${l}`)}
          </option>
        ))}
      </Select>
      <Select name="ageGroup" label={t('interventions.fields.ageGroup')} empty="undefined">
        <option value="">{t('interventions.filter.any')}</option>
        {AGE_GROUPS.map((a) => (
          <option key={a} value={a}>
            {t(`interventions.ageGroups.${a}`)}
          </option>
        ))}
      </Select>
      <Select name="active" label={t('interventions.filter.status')} empty="undefined">
        <option value="">{t('interventions.filter.any')}</option>
        <option value="true">{t('interventions.filter.active')}</option>
        <option value="false">{t('interventions.filter.inactive')}</option>
      </Select>
    </Form>
  );
}
