import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ORGANISATION_KINDS, SHARING_USES } from '../../../../shared/sharing.ts';
import {
  UpdateLegalBasisBody,
  type LegalBasis,
} from '../../../../server/modules/sharing/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import {
  Checkbox,
  CheckboxGroup,
  DateInput,
  Form,
  MutationFailure,
  TextArea,
  TextInput,
  focusAfterSave,
  useZodForm,
} from '../../ui/form';
import { formatDate } from '../cases/format';

/**
 * "Hjemler til deling": the municipality's legal bases for sharing outside the team
 * (docs/SHARING.md), each edited in full with the version it was read at. The product offers a
 * basis only where it fits; the municipality's lawyer confirms each one.
 */
const KEY = ['admin', 'legal-bases'];
const BasisValues = UpdateLegalBasisBody.omit({ version: true });
type BasisValues = z.output<typeof BasisValues>;

export function LegalBasesSection() {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<LegalBasis | null>(null);
  const bases = useQuery({
    queryKey: KEY,
    queryFn: () => apiGet<{ items: LegalBasis[] }>('/api/legal-bases'),
  });
  const english = i18n.resolvedLanguage === 'en';
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('legalBases.title')}</h2>
      <p>{t('legalBases.intro')}</p>
      <p>{t('legalBases.lawyerNote')}</p>
      <QueryState
        query={bases}
        loading={t('legalBases.loading')}
        loadError={t('legalBases.loadError')}
      >
        {({ items }) => (
          <>
            <CompactTable
              caption={t('legalBases.caption')}
              columns={[
                t('legalBases.name'),
                t('legalBases.provision'),
                t('legalBases.uses'),
                t('legalBases.validity'),
                t('legalBases.confirmed'),
                t('legalBases.actions'),
              ]}
            >
              {items.map((b) => (
                <tr key={b.key}>
                  <td>{english ? b.nameEn : b.nameDa}</td>
                  <td>{`${b.law} ${b.section}`}</td>
                  <td>
                    {b.uses.length === 0
                      ? t('legalBases.noUse')
                      : b.uses.map((u) => t(`sharing.uses.${u}`)).join(', ')}
                    {b.requiresConsent && ` (${t('legalBases.needsConsent')})`}
                  </td>
                  <td>
                    {b.validTo
                      ? t('legalBases.fromTo', {
                          from: formatDate(b.validFrom),
                          to: formatDate(b.validTo),
                        })
                      : t('legalBases.from', { from: formatDate(b.validFrom) })}
                  </td>
                  <td>{t(b.confirmed ? 'legalBases.yes' : 'legalBases.toConfirm')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-tertiary"
                      aria-label={t('legalBases.editFor', { name: b.nameDa })}
                      onClick={() => setEditing(b)}
                    >
                      {t('legalBases.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </CompactTable>
            {editing && (
              <BasisForm
                key={`${editing.key}-${editing.version}`}
                basis={editing}
                onDone={() => {
                  setEditing(null);
                  focusAfterSave(headingId);
                }}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function valuesOf(b: LegalBasis): BasisValues {
  return {
    nameDa: b.nameDa,
    nameEn: b.nameEn,
    law: b.law,
    section: b.section,
    allowsDa: b.allowsDa,
    allowsEn: b.allowsEn,
    validFrom: b.validFrom,
    validTo: b.validTo,
    organisationKinds: b.organisationKinds,
    uses: b.uses,
    requiresConsent: b.requiresConsent,
    confirmed: b.confirmed,
  };
}

function BasisForm({ basis, onDone }: { basis: LegalBasis; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const form = useZodForm(BasisValues, { defaultValues: valuesOf(basis) });
  const mutation = useMutation({
    mutationFn: (values: BasisValues) =>
      apiSend<{ items: LegalBasis[] }>('PUT', `/api/legal-bases/${basis.key}`, {
        ...values,
        version: basis.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      onDone();
    },
  });
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId}>{t('legalBases.editHeading', { name: basis.nameDa })}</h3>
      <MutationFailure
        mutations={mutation}
        onReload={() => client.invalidateQueries({ queryKey: KEY }).then(onDone)}
      />
      <Form
        id={`legal-basis-${basis.key}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('legalBases.failed')}
      >
        <TextInput name="nameDa" label={t('legalBases.nameDa')} widthClass="input-width-xl" />
        <TextInput name="nameEn" label={t('legalBases.nameEn')} widthClass="input-width-xl" />
        <TextInput name="law" label={t('legalBases.law')} widthClass="input-width-l" />
        <TextInput name="section" label={t('legalBases.section')} widthClass="input-width-l" />
        <TextArea name="allowsDa" label={t('legalBases.allowsDa')} rows={4} />
        <TextArea name="allowsEn" label={t('legalBases.allowsEn')} rows={4} />
        <DateInput name="validFrom" label={t('legalBases.validFrom')} />
        <DateInput name="validTo" label={t('legalBases.validTo')} empty="null" />
        <CheckboxGroup
          name="organisationKinds"
          label={t('legalBases.organisationKinds')}
          hint={t('legalBases.organisationKindsHint')}
          options={ORGANISATION_KINDS.map((k) => ({
            value: k,
            label: t(`sharing.organisationKinds.${k}`),
          }))}
        />
        <CheckboxGroup
          name="uses"
          label={t('legalBases.uses')}
          hint={t('legalBases.usesHint')}
          options={SHARING_USES.map((u) => ({ value: u, label: t(`sharing.uses.${u}`) }))}
        />
        <Checkbox name="requiresConsent" label={t('legalBases.requiresConsentLabel')} />
        <Checkbox name="confirmed" label={t('legalBases.confirmedLabel')} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('legalBases.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('legalBases.cancel')}
        </button>
      </Form>
    </section>
  );
}
