import { useMutation } from '@tanstack/react-query';
import { useFieldArray } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import {
  AnalysisContentSchema,
  type AnalysisContent,
} from '../../../../server/modules/area-plans/schema.ts';
import { AREA_SIGNS, GROUP_SIGNS } from '../../../../shared/housing-areas.ts';
import {
  CheckboxGroup,
  focusAfterSave,
  Form,
  MutationFailure,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import {
  saveAnalysis,
  useRefreshAreaPlans,
  type Analysis,
  type AreaPlanOptions,
} from './areaPlansApi';
import { connectorLabel } from './labels';

/**
 * Editing the newest version of the area analysis with the server's own schema: groups of
 * concern (a field array; described as groups, never persons), the zones of insecurity and the
 * connectors the rounds found (checkboxes of the area's own), the signs seen, and the summary.
 */
export function AnalysisForm({
  areaId,
  analysis,
  options,
  headingId,
  onDone,
}: {
  areaId: string;
  analysis: Analysis;
  options: AreaPlanOptions;
  headingId: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshAreaPlans(areaId);
  const form = useZodForm(AnalysisContentSchema, {
    defaultValues: {
      groups: analysis.groups,
      zoneIds: analysis.zoneIds,
      environments: analysis.environments,
      connectorIds: analysis.connectorIds,
      areaSigns: analysis.areaSigns,
      groupSigns: analysis.groupSigns,
      summary: analysis.summary,
    },
  });
  const groups = useFieldArray({ control: form.control, name: 'groups' });
  const mutation = useMutation({
    mutationFn: (values: AnalysisContent) =>
      saveAnalysis(areaId, analysis.id, { ...values, version: analysis.version }),
    onSuccess: async () => {
      await refresh();
      onDone(true);
      focusAfterSave(headingId);
    },
  });
  return (
    <>
      <MutationFailure
        mutations={mutation}
        text={t('areaPlans.stale')}
        reloadLabel={t('areaPlans.reload')}
        headingLevel="h4"
        onReload={() => refresh().then(() => onDone(false))}
      />
      <Form
        id={`analysis-${analysis.id}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('areaPlans.saveError')}
      >
        <fieldset>
          <legend className="form-label">{t('areaPlans.analysis.groups')}</legend>
          <p className="form-hint">{t('areaPlans.analysis.groupsHint')}</p>
          {groups.fields.map((g, i) => (
            <fieldset key={g.id} className="area-plan-item">
              <legend className="h5">{t('areaPlans.analysis.group', { number: i + 1 })}</legend>
              <TextInput
                name={`groups.${i}.label`}
                label={t('areaPlans.analysis.groupLabel')}
                maxLength={200}
              />
              <TextArea
                name={`groups.${i}.description`}
                label={t('areaPlans.analysis.groupDescription')}
                rows={2}
                empty="null"
              />
              <button
                type="button"
                className="button button-tertiary"
                onClick={() => groups.remove(i)}
              >
                {t('areaPlans.analysis.removeGroup', { number: i + 1 })}
              </button>
            </fieldset>
          ))}
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              groups.append(
                { key: crypto.randomUUID(), label: '', description: null },
                { shouldFocus: false },
              )
            }
          >
            {t('areaPlans.analysis.addGroup')}
          </button>
        </fieldset>
        <CheckboxGroup
          name="zoneIds"
          label={t('areaPlans.analysis.zones')}
          hint={t('areaPlans.analysis.zonesHint')}
          options={options.zones.map((z) => ({ value: z.id, label: z.name }))}
          empty={t('areaPlans.analysis.noZones')}
        />
        <TextArea
          name="environments"
          label={t('areaPlans.analysis.environments')}
          hint={t('areaPlans.analysis.environmentsHint')}
          rows={3}
          empty="null"
        />
        <CheckboxGroup
          name="connectorIds"
          label={t('areaPlans.analysis.connectors')}
          hint={t('areaPlans.analysis.connectorsHint')}
          options={options.connectors.map((c) => ({ value: c.id, label: connectorLabel(t, c) }))}
          empty={t('areaPlans.analysis.noConnectors')}
        />
        <CheckboxGroup
          name="areaSigns"
          label={t('areaPlans.analysis.areaSigns')}
          options={AREA_SIGNS.map((s) => ({ value: s, label: t(`areaPlans.areaSign.${s}`) }))}
        />
        <CheckboxGroup
          name="groupSigns"
          label={t('areaPlans.analysis.groupSigns')}
          options={GROUP_SIGNS.map((s) => ({ value: s, label: t(`areaPlans.groupSign.${s}`) }))}
        />
        <TextArea
          name="summary"
          label={t('areaPlans.analysis.summary')}
          rows={5}
          maxLength={8000}
          empty="null"
        />
        <div className="area-plan-actions">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('areaPlans.save')}
          </button>
          <button type="button" className="button button-tertiary" onClick={() => onDone(false)}>
            {t('areaPlans.cancel')}
          </button>
        </div>
      </Form>
    </>
  );
}
