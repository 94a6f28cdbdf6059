import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  DateInput,
  focusAfterSave,
  Form,
  RadioGroup,
  SuccessMessage,
  TextArea,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ConsentFormSchema, emptyConsent } from './consentOfferValues';
import { PersonSelect } from './formParts';
import { recordConsent } from './interventionsApi';
import { useRefreshCase } from './shared';

type GivenBy = 'person' | 'guardian';
type Method = 'written' | 'oral';

/** Records a consent: whose, given by whom, to what, how and when. */
export function ConsentForm({ detail, headingId }: { detail: CaseDetail; headingId: string }) {
  const { t } = useTranslation();
  const refresh = useRefreshCase();
  const form = useZodForm(ConsentFormSchema, { defaultValues: emptyConsent(detail.persons) });
  const [saved, setSaved] = useState(false);
  const mutation = useMutation({
    mutationFn: (body: z.output<typeof ConsentFormSchema>) => recordConsent(detail.id, body),
    onSuccess: async () => {
      form.reset(emptyConsent(detail.persons));
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
      errorTitle={t('caseInterventions.consents.error')}
    >
      <fieldset>
        <legend className="h4">{t('caseInterventions.consents.formHeading')}</legend>
        {saved && <SuccessMessage>{t('caseInterventions.consents.success')}</SuccessMessage>}
        <PersonSelect persons={detail.persons} label={t('caseInterventions.consents.person')} />
        <RadioGroup<GivenBy>
          name="givenBy"
          label={t('caseInterventions.consents.givenByLabel')}
          hint={t('caseInterventions.consents.givenByHint')}
          options={[
            { value: 'person', label: t('caseInterventions.consents.givenBy.person') },
            { value: 'guardian', label: t('caseInterventions.consents.givenBy.guardian') },
          ]}
        />
        <TextArea
          name="purpose"
          label={t('caseInterventions.consents.purpose')}
          hint={t('caseInterventions.consents.purposeHint')}
          rows={3}
          maxLength={1000}
        />
        <RadioGroup<Method>
          name="method"
          label={t('caseInterventions.consents.method')}
          className="inquiry-inline-options"
          options={[
            { value: 'written', label: t('caseInterventions.consents.methods.written') },
            { value: 'oral', label: t('caseInterventions.consents.methods.oral') },
          ]}
        />
        <DateInput name="givenOn" label={t('caseInterventions.consents.givenOn')} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('caseInterventions.consents.submit')}
        </button>
      </fieldset>
    </Form>
  );
}
