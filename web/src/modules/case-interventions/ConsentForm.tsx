import { useTranslation } from 'react-i18next';
import { useWatch } from 'react-hook-form';
import { DATA_CATEGORIES, ORGANISATION_KINDS, SHARING_USES } from '../../../../shared/sharing.ts';
import {
  Checkbox,
  CheckboxGroup,
  DateInput,
  RadioGroup,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { usePartners } from '../sharing/partnersApi';
import { ConsentFormSchema, emptyConsent, type ConsentValues } from './consentOfferValues';
import { PersonSelect } from './formParts';
import { recordConsent } from './interventionsApi';
import { RecordForm } from './RecordForm';

type GivenBy = 'person' | 'guardian';
type Method = 'written' | 'oral';

/**
 * Records a consent as tool 2 describes it (docs/CONSENT.md): whose, given by whom (for a child
 * the custody holders who give it), to which uses, categories and recipients, for which purpose,
 * from when to when, and how (in writing, possibly before the signed form is back, or orally
 * before a witness). The server's schema checks it here; its refusals land on their fields.
 */
export function ConsentForm({ detail, headingId }: { detail: CaseDetail; headingId: string }) {
  const { t } = useTranslation();
  const form = useZodForm(ConsentFormSchema, { defaultValues: emptyConsent(detail.persons) });
  const values = useWatch({ control: form.control }) as Partial<ConsentValues>;
  const partners = usePartners({ kind: '', status: 'active', q: '' });
  const holders = detail.persons.filter((p) => p.custodyHolder && p.id !== values.personId);
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
      {values.givenBy === 'guardian' && (
        <CheckboxGroup
          name="custodyHolderIds"
          label={t('caseInterventions.consents.custodyHolders')}
          hint={t('caseInterventions.consents.custodyHoldersHint')}
          empty={t('caseInterventions.consents.noCustodyHolders')}
          options={holders.map((p) => ({ value: p.id, label: p.name }))}
        />
      )}
      <TextArea
        name="purpose"
        label={t('caseInterventions.consents.purpose')}
        hint={t('caseInterventions.consents.purposeHint')}
        rows={3}
        maxLength={1000}
      />
      <CheckboxGroup
        name="uses"
        label={t('caseInterventions.consents.uses')}
        hint={t('caseInterventions.consents.usesHint')}
        options={SHARING_USES.map((u) => ({ value: u, label: t(`sharing.uses.${u}`) }))}
      />
      <CheckboxGroup
        name="categories"
        label={t('caseInterventions.consents.categories')}
        hint={t('caseInterventions.consents.categoriesHint')}
        options={DATA_CATEGORIES.filter(
          (c) => c !== 'concern' || detail.abilities.compartment.read,
        ).map((c) => ({ value: c, label: t(`sharing.dataCategories.${c}`) }))}
      />
      <CheckboxGroup
        name="organisationIds"
        label={t('caseInterventions.consents.organisations')}
        hint={t('caseInterventions.consents.organisationsHint')}
        empty={t('caseInterventions.consents.noOrganisations')}
        options={(partners.data?.items ?? []).map((o) => ({
          value: o.id,
          label: `${o.name} (${t(`sharing.organisationKinds.${o.kind}`)})`,
        }))}
      />
      <CheckboxGroup
        name="organisationKinds"
        label={t('caseInterventions.consents.organisationKinds')}
        hint={t('caseInterventions.consents.organisationKindsHint')}
        options={ORGANISATION_KINDS.map((kind) => ({
          value: kind,
          label: t(`sharing.organisationKinds.${kind}`),
        }))}
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
      {values.method === 'oral' && (
        <TextInput
          name="witness"
          label={t('caseInterventions.consents.witness')}
          hint={t('caseInterventions.consents.witnessHint')}
          widthClass="input-width-xl"
        />
      )}
      {values.method === 'written' && (
        <Checkbox
          name="awaitingSignature"
          label={t('caseInterventions.consents.awaitingSignature')}
          hint={t('caseInterventions.consents.awaitingSignatureHint')}
        />
      )}
      <DateInput name="givenOn" label={t('caseInterventions.consents.givenOn')} />
      <DateInput
        name="validFrom"
        label={t('caseInterventions.consents.validFrom')}
        hint={t('caseInterventions.consents.validFromHint')}
      />
      {!values.openEnded && (
        <DateInput
          name="validTo"
          label={t('caseInterventions.consents.validTo')}
          hint={t('caseInterventions.consents.validToHint')}
        />
      )}
      <Checkbox
        name="openEnded"
        label={t('caseInterventions.consents.openEnded')}
        hint={t('caseInterventions.consents.openEndedHint')}
      />
    </RecordForm>
  );
}
