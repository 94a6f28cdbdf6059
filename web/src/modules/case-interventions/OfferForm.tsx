import { useTranslation } from 'react-i18next';
import { DateInput, RadioGroup, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import type { CaseDetail } from '../cases/casesApi';
import { emptyOffer, OfferFormSchema } from './consentOfferValues';
import { OfferNote, PersonSelect } from './formParts';
import { makeFirstOffer, type CaseInterventions, type OfferKind } from './interventionsApi';
import { RecordForm } from './RecordForm';
import { typeName } from './shared';

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
  const form = useZodForm(OfferFormSchema, { defaultValues: emptyOffer(detail.persons) });
  return (
    <RecordForm
      form={form}
      save={(body) => makeFirstOffer(detail.id, body)}
      next={() => emptyOffer(detail.persons)}
      focusTo={() => headingId}
      legend={t('caseInterventions.offers.form.heading')}
      success={t('caseInterventions.offers.form.success')}
      errorTitle={t('caseInterventions.offers.form.error')}
      submit={t('caseInterventions.offers.form.submit')}
    >
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
      <OptionSelect
        name="interventionTypeId"
        label={t('caseInterventions.offers.form.type')}
        none={t('caseInterventions.offers.form.noType')}
        options={data.catalogue.map((c) => ({ value: c.id, label: typeName(t, c) }))}
      />
      <DateInput name="offeredOn" label={t('caseInterventions.offers.form.offeredOn')} />
      <OfferNote />
    </RecordForm>
  );
}
