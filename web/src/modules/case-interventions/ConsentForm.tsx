import { useTranslation } from 'react-i18next';
import { DateInput, RadioGroup, TextArea, useZodForm } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { ConsentFormSchema, emptyConsent } from './consentOfferValues';
import { PersonSelect } from './formParts';
import { recordConsent } from './interventionsApi';
import { RecordForm } from './RecordForm';

type GivenBy = 'person' | 'guardian';
type Method = 'written' | 'oral';

/** Records a consent: whose, given by whom, to what, how and when. */
export function ConsentForm({ detail, headingId }: { detail: CaseDetail; headingId: string }) {
  const { t } = useTranslation();
  const form = useZodForm(ConsentFormSchema, { defaultValues: emptyConsent(detail.persons) });
  return (
    <RecordForm
      form={form}
      save={(body) => recordConsent(detail.id, body)}
      next={() => emptyConsent(detail.persons)}
      focusTo={() => headingId}
      legend={t('caseInterventions.consents.formHeading')}
      success={t('caseInterventions.consents.success')}
      errorTitle={t('caseInterventions.consents.error')}
      submit={t('caseInterventions.consents.submit')}
    >
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
    </RecordForm>
  );
}
