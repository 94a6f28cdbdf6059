import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { HAND_CHANNELS } from '../../../../shared/disclosures.ts';
import { DATA_CATEGORIES, ORGANISATION_KINDS } from '../../../../shared/sharing.ts';
import { RecordDisclosureBody } from '../../../../server/modules/disclosures/schema.ts';
import {
  CheckboxGroup,
  DateInput,
  Form,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  useZodForm,
} from '../../ui/form';
import { CASES_QUERY_KEY, type CaseDetail } from '../cases/casesApi';
import { recordDisclosure, type Disclosure } from './disclosuresApi';
import { ConsentFields } from './ConsentFields';

/** The form holds everything but the id, which is chosen once per entry (a double submit is one). */
const DisclosureValues = RecordDisclosureBody.omit({ id: true });
type DisclosureValues = z.output<typeof DisclosureValues>;

function emptyDisclosure(detail: CaseDetail): z.input<typeof DisclosureValues> {
  const citizen = detail.persons.find((p) => p.role === 'citizen') ?? detail.persons[0];
  return {
    disclosedOn: '',
    recipientOrganisation: '',
    recipientKind: undefined as unknown as DisclosureValues['recipientKind'],
    recipientPerson: null,
    categories: [],
    documents: null,
    legalBasis: '',
    purpose: '',
    decidedBy: '',
    channel: 'phone',
    personIds: citizen ? [citizen.id] : [],
  };
}

/**
 * "Registrér videregivelse": a disclosure made outside the product — a phone call, a letter, a
 * meeting, an e-mail — with the day, the recipient, what was disclosed, the legal basis, the
 * purpose, who decided, and the case's persons it concerned. The server's schema checks it here;
 * the server's refusals (a day in the future, a person not on the case) land on their fields.
 */
export function RecordDisclosureForm({
  detail,
  onDone,
}: {
  detail: CaseDetail;
  onDone: (entry: Disclosure) => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(DisclosureValues, { defaultValues: emptyDisclosure(detail) });
  const mutation = useMutation({
    mutationFn: (values: DisclosureValues) =>
      recordDisclosure(detail.id, { ...values, id: clientId }),
    onSuccess: async (entry) => {
      setClientId(crypto.randomUUID());
      form.reset(emptyDisclosure(detail));
      onDone(entry);
      await queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] });
    },
  });

  return (
    <Form
      id={`disclosure-${detail.id}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('disclosures.form.failedTitle')}
    >
      <DateInput
        name="disclosedOn"
        label={t('disclosures.form.disclosedOn')}
        hint={t('disclosures.form.disclosedOnHint')}
        required
      />
      <TextInput
        name="recipientOrganisation"
        label={t('disclosures.form.recipientOrganisation')}
        hint={t('disclosures.form.recipientOrganisationHint')}
        widthClass="input-width-xl"
        required
      />
      <Select name="recipientKind" label={t('disclosures.form.recipientKind')} required>
        <option value="">{t('disclosures.form.choose')}</option>
        {ORGANISATION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`sharing.organisationKinds.${kind}`)}
          </option>
        ))}
      </Select>
      <TextInput
        name="recipientPerson"
        label={t('disclosures.form.recipientPerson')}
        hint={t('disclosures.form.optional')}
        widthClass="input-width-xl"
        empty="null"
      />
      <CheckboxGroup
        name="personIds"
        label={t('disclosures.form.persons')}
        hint={t('disclosures.form.personsHint')}
        options={detail.persons.map((p) => ({
          value: p.id,
          label: `${p.name} (${t(`cases.personRoles.${p.role}`)})`,
        }))}
      />
      <CheckboxGroup
        name="categories"
        label={t('disclosures.form.categories')}
        options={DATA_CATEGORIES.filter(
          (c) => c !== 'concern' || detail.abilities.compartment.read,
        ).map((c) => ({ value: c, label: t(`sharing.dataCategories.${c}`) }))}
      />
      <TextArea
        name="documents"
        label={t('disclosures.form.documents')}
        hint={t('disclosures.form.documentsHint')}
        empty="null"
        rows={2}
      />
      <ConsentFields detail={detail} />
      <TextInput
        name="legalBasis"
        label={t('disclosures.form.legalBasis')}
        hint={t('disclosures.form.legalBasisHint')}
        widthClass="input-width-xl"
        required
      />
      <TextArea
        name="purpose"
        label={t('disclosures.form.purpose')}
        hint={t('disclosures.form.purposeHint')}
        rows={3}
        required
      />
      <TextInput
        name="decidedBy"
        label={t('disclosures.form.decidedBy')}
        hint={t('disclosures.form.decidedByHint')}
        widthClass="input-width-xl"
        required
      />
      <RadioGroup
        name="channel"
        label={t('disclosures.form.channel')}
        options={HAND_CHANNELS.map((c) => ({ value: c, label: t(`disclosures.channels.${c}`) }))}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {mutation.isPending ? t('disclosures.form.saving') : t('disclosures.form.submit')}
      </button>
    </Form>
  );
}
