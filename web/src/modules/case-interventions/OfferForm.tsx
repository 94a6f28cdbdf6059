import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  DateInput,
  focusAfterSave,
  Form,
  RadioGroup,
  Select,
  SuccessMessage,
  TextArea,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { emptyOffer, OfferFormSchema } from './consentOfferValues';
import { PersonSelect } from './formParts';
import { makeFirstOffer, type CaseInterventions, type OfferKind } from './interventionsApi';
import { typeName, useRefreshCase } from './shared';

const KINDS: OfferKind[] = ['mentor', 'parent_coach', 'other'];

/** The first offer of voluntary support to one of the case's persons, waiting for the answer. */
export function OfferForm({
  detail,
  data,
  headingId,
}: {
  detail: CaseDetail;
  data: CaseInterventions;
  /** The offers' heading, where focus goes after saving. */
  headingId: string;
}) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(OfferFormSchema, { defaultValues: emptyOffer(detail.persons) });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof OfferFormSchema>) => makeFirstOffer(detail.id, body),
    onSuccess: async () => {
      form.reset(emptyOffer(detail.persons));
      setSaved(true);
      await refresh();
      focusAfterSave(headingId);
    },
  });
  return (
    <Form
      form={form}
      onSubmit={(body) => {
        setSaved(false);
        return mutation.mutateAsync(body);
      }}
      error={mutation.error}
      errorTitle={t('caseInterventions.offers.form.error')}
    >
      <fieldset>
        <legend className="h4">{t('caseInterventions.offers.form.heading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.offers.form.success')}</SuccessMessage>}
        <PersonSelect persons={detail.persons} label={t('caseInterventions.offers.person')} />
        <RadioGroup<OfferKind>
          name="kind"
          label={t('caseInterventions.offers.kind')}
          className="inquiry-inline-options"
          options={KINDS.map((kind) => ({
            value: kind,
            label: t(`caseInterventions.offers.kinds.${kind}`),
          }))}
        />
        <Select name="interventionTypeId" label={t('caseInterventions.offers.form.type')}>
          <option value="">{t('caseInterventions.offers.form.noType')}</option>
          {data.catalogue.map((c) => (
            <option key={c.id} value={c.id}>
              {typeName(t, c)}
            </option>
          ))}
        </Select>
        <DateInput name="offeredOn" label={t('caseInterventions.offers.form.offeredOn')} />
        <TextArea
          name="note"
          label={t('caseInterventions.offers.noteOptional')}
          rows={2}
          maxLength={2000}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.offers.form.submit')}
        </button>
      </fieldset>
    </Form>
  );
}
