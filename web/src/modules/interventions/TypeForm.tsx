import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { da } from '../../app/i18n/catalogues';
import { Checkbox, Form, MutationFailure, TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  AGE_GROUPS,
  CATALOGUE_KEY,
  LEVELS,
  createType,
  updateType,
  useUnits,
  type InterventionType,
} from './catalogueApi';
import { createBody, typeSchema, typeValues, updateBody, type TypeValues } from './typeValues';

/**
 * Add an offer to the catalogue, or change one (`type`, with the version read: a stale save is
 * refused with 409 and offers to load the latest version). The code is chosen once.
 */
export function TypeForm({
  type,
  municipalityCode,
  onDone,
  onReload,
}: {
  type: InterventionType | null;
  municipalityCode: string | undefined;
  onDone: (saved: InterventionType | null) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const units = useUnits(municipalityCode);
  const schema = useMemo(() => typeSchema(type), [type]);
  const form = useZodForm(schema, { defaultValues: typeValues(type) });
  const mutation = useMutation({
    mutationFn: (values: TypeValues) =>
      type ? updateType(type.id, updateBody(values, type)) : createType(createBody(values)),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: CATALOGUE_KEY });
      onDone(saved);
    },
  });
  // Start in the name: the form appears where the user did not click.
  useEffect(() => form.setFocus('name'), [form]);
  type FieldName = keyof typeof da.interventions.fields;
  const label = (field: FieldName) => t(`interventions.fields.${field}`);

  return (
    <section aria-labelledby={headingId} className="mb-7">
      <h3 id={headingId}>
        {type
          ? t('interventions.form.editHeading', { name: type.name })
          : t('interventions.form.createHeading')}
      </h3>
      {type && <MutationFailure mutations={mutation} onReload={() => onReload()} />}
      <Form
        id="catalogue"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('interventions.form.failedTitle')}
      >
        {!type && (
          <TextInput
            name="code"
            label={label('code')}
            hint={t('interventions.form.codeHint')}
            widthClass="input-width-m"
            required
          />
        )}
        <TextInput name="name" label={label('name')} widthClass="input-width-xl" required />
        <TextInput name="description" label={label('description')} widthClass="input-width-xl" />
        <OptionSelect
          name="level"
          label={label('level')}
          none={t('interventions.form.choose')}
          options={LEVELS.map((l) => ({ value: l, label: t(`interventions.levels.${l}`) }))}
        />
        <OptionSelect
          name="ageGroup"
          label={label('ageGroup')}
          none={t('interventions.form.choose')}
          options={AGE_GROUPS.map((a) => ({ value: a, label: t(`interventions.ageGroups.${a}`) }))}
        />
        <TextInput
          name="legalBasis"
          label={label('legalBasis')}
          hint={t('interventions.form.legalBasisHint')}
          widthClass="input-width-l"
        />
        <OptionSelect
          name="responsibleUnitId"
          label={label('responsibleUnit')}
          none={t('interventions.form.noUnit')}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
        />
        <Checkbox
          name="consentRequired"
          legend={label('consentRequired')}
          label={t('interventions.form.consentLabel')}
        />
        <Checkbox
          name="tailored"
          legend={label('tailored')}
          label={t('interventions.form.tailoredLabel')}
        />
        <Checkbox
          name="revealsConcern"
          legend={label('revealsConcern')}
          label={t('interventions.form.revealsConcernLabel')}
          hint={t('interventions.form.revealsConcernHint')}
        />
        {type && (
          <Checkbox
            name="active"
            legend={label('active')}
            label={t('interventions.form.activeLabel')}
          />
        )}
        <div className="admin-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {t('interventions.form.save')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
            {t('interventions.form.cancel')}
          </button>
        </div>
      </Form>
    </section>
  );
}
