import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { LegalProvision } from '../../../../server/modules/inquiries/schema-child-report.ts';
import { apiSend } from '../../app/api';
import {
  Checkbox,
  DateInput,
  Form,
  FormGroup,
  MutationFailure,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { NumberInput } from '../../ui/form/NumberInput';
import { ProvisionValues, provisionValues } from './provisionForm';

/**
 * One legal provision edited in full (names in Danish and English, law, section, validity,
 * deadline in hours or weekdays, confirmed), saved with the version it was read at: a stale save
 * shows the one conflict notice, and the reload closes the form on the current values.
 */
export const PROVISIONS_KEY = ['admin', 'legal-provisions'];

export function ProvisionForm({
  provision,
  onDone,
}: {
  provision: LegalProvision;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useZodForm(ProvisionValues, { defaultValues: provisionValues(provision) });
  const mutation = useMutation({
    mutationFn: (values: z.output<typeof ProvisionValues>) =>
      apiSend<{ items: LegalProvision[] }>('PUT', `/api/legal-provisions/${provision.key}`, {
        ...values,
        version: provision.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(PROVISIONS_KEY, saved);
      onDone();
    },
  });
  return (
    <>
      <MutationFailure
        mutations={mutation}
        onReload={() => client.invalidateQueries({ queryKey: PROVISIONS_KEY }).then(onDone)}
      />
      <Form
        id={`provision-${provision.key}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('admin.provisions.failed')}
      >
        <TextInput name="nameDa" label={t('admin.provisions.nameDa')} widthClass="input-width-xl" />
        <TextInput name="nameEn" label={t('admin.provisions.nameEn')} widthClass="input-width-xl" />
        <TextInput name="law" label={t('admin.provisions.law')} widthClass="input-width-l" />
        <TextInput
          name="section"
          label={t('admin.provisions.section')}
          widthClass="input-width-s"
        />
        <DateInput name="validFrom" label={t('admin.provisions.validFrom')} />
        <DateInput
          name="validTo"
          label={t('admin.provisions.validTo')}
          hint={t('admin.provisions.validToHint')}
          empty="null"
        />
        <FormGroup
          id={`provision-${provision.key}-deadline`}
          label={t('admin.provisions.deadline')}
          hint={t('admin.provisions.deadlineHint')}
          error={undefined}
          fieldset
        >
          <NumberInput
            name="deadlineHours"
            label={t('admin.provisions.deadlineHours')}
            empty="null"
          />
          <NumberInput
            name="deadlineWorkdays"
            label={t('admin.provisions.deadlineWorkdays')}
            empty="null"
          />
        </FormGroup>
        <Checkbox name="confirmed" label={t('admin.provisions.confirmedLabel')} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('admin.provisions.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('admin.provisions.cancel')}
        </button>
      </Form>
    </>
  );
}
