import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANISATION_KINDS } from '../../../../shared/sharing.ts';
import {
  PartnerFields,
  type PartnerValues,
} from '../../../../server/modules/sharing/schema-partners.ts';
import { Checkbox, DateInput, Form, MutationFailure, TextInput, useZodForm } from '../../ui/form';
import { OptionSelect } from '../../ui/form/OptionSelect';
import {
  createPartner,
  updatePartner,
  useInvalidatePartners,
  type PartnerOrganisation,
} from './partnersApi';

function valuesOf(p: PartnerOrganisation | null): PartnerValues {
  return {
    name: p?.name ?? '',
    kind: p?.kind ?? ('' as PartnerValues['kind']),
    cvr: p?.cvr ?? null,
    ean: p?.ean ?? null,
    contactEmail: p?.contactEmail ?? null,
    dataProcessor: p?.dataProcessor ?? false,
    processorAgreementRef: p?.processorAgreementRef ?? null,
    processorAgreementDate: p?.processorAgreementDate ?? null,
  };
}

/**
 * A partner organisation, new (`partner` null) or changed with the version read. The form
 * checks with the server's schema; the processor agreement's fields show while "delivers on the
 * municipality's behalf" is ticked, and the server requires them then.
 */
export function PartnerForm({
  partner,
  onDone,
  onReload,
}: {
  partner: PartnerOrganisation | null;
  onDone: (saved: PartnerOrganisation | null) => void;
  onReload: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  const invalidate = useInvalidatePartners();
  // One id per new organisation: a repeated submit makes one record.
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(PartnerFields, { defaultValues: valuesOf(partner) });
  const mutation = useMutation({
    mutationFn: (values: PartnerValues) =>
      partner ? updatePartner(partner, values) : createPartner(clientId, values),
    onSuccess: async (saved) => {
      await invalidate();
      onDone(saved);
    },
  });
  return (
    <section aria-labelledby={headingId} className="mb-7">
      <h3 id={headingId}>
        {partner ? t('partners.editHeading', { name: partner.name }) : t('partners.createHeading')}
      </h3>
      <MutationFailure mutations={mutation} onReload={onReload} />
      <Form
        id={partner ? 'partner-edit' : 'partner-new'}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('partners.failed')}
      >
        <TextInput name="name" label={t('partners.name')} widthClass="input-width-xl" />
        <OptionSelect
          name="kind"
          label={t('partners.kind')}
          none={t('partners.chooseKind')}
          options={ORGANISATION_KINDS.map((k) => ({
            value: k,
            label: t(`sharing.organisationKinds.${k}`),
          }))}
        />
        <TextInput
          name="cvr"
          label={t('partners.cvr')}
          hint={t('partners.cvrHint')}
          widthClass="input-width-s"
          inputMode="numeric"
          empty="null"
        />
        <TextInput
          name="ean"
          label={t('partners.ean')}
          hint={t('partners.eanHint')}
          widthClass="input-width-m"
          inputMode="numeric"
          empty="null"
        />
        <TextInput
          name="contactEmail"
          label={t('partners.contactEmail')}
          hint={t('partners.contactEmailHint')}
          widthClass="input-width-l"
          type="email"
          empty="null"
        />
        <Checkbox
          name="dataProcessor"
          label={t('partners.dataProcessor')}
          hint={t('partners.dataProcessorHint')}
        >
          <TextInput
            name="processorAgreementRef"
            label={t('partners.processorAgreementRef')}
            widthClass="input-width-l"
            empty="null"
          />
          <DateInput
            name="processorAgreementDate"
            label={t('partners.processorAgreementDate')}
            empty="null"
          />
        </Checkbox>
        <div className="admin-buttons">
          <button type="submit" className="button button-primary" disabled={mutation.isPending}>
            {partner ? t('partners.save') : t('partners.create')}
          </button>
          {partner && (
            <button type="button" className="button button-secondary" onClick={() => onDone(null)}>
              {t('partners.cancel')}
            </button>
          )}
        </div>
      </Form>
    </section>
  );
}
