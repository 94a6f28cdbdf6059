import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  UpdateProvisionBody,
  type LegalProvision,
} from '../../../../server/modules/inquiries/schema-child-report.ts';
import { apiGet, apiSend } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { Checkbox, DateInput, Form, MutationFailure, TextInput, useZodForm } from '../../ui/form';
import { formatDate } from '../cases/format';

/**
 * "Lovbestemmelser om underretninger": the municipality's legal provisions for reports about
 * children (name, section, valid from, deadline, confirmed), each edited on its own with the
 * version it was read at. The municipality's lawyer must confirm them.
 */
const KEY = ['admin', 'legal-provisions'];
const ProvisionValues = UpdateProvisionBody.pick({
  nameDa: true,
  section: true,
  validFrom: true,
  confirmed: true,
});

export function ProvisionsSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<LegalProvision | null>(null);
  const provisions = useQuery({
    queryKey: KEY,
    queryFn: () => apiGet<{ items: LegalProvision[] }>('/api/legal-provisions'),
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('admin.provisions.title')}</h2>
      <p>{t('admin.provisions.lawyerNote')}</p>
      <QueryState
        query={provisions}
        loading={t('admin.provisions.loading')}
        loadError={t('admin.provisions.loadError')}
      >
        {({ items }) => (
          <>
            <CompactTable
              caption={t('admin.provisions.caption')}
              columns={[
                t('admin.provisions.name'),
                t('admin.provisions.section'),
                t('admin.provisions.validFrom'),
                t('admin.provisions.deadline'),
                t('admin.provisions.confirmed'),
                t('admin.provisions.actions'),
              ]}
            >
              {items.map((p) => (
                <tr key={p.key}>
                  <td>{p.nameDa}</td>
                  <td>{`${p.law} ${p.section}`}</td>
                  <td>{formatDate(p.validFrom)}</td>
                  <td>
                    {p.deadlineHours !== null
                      ? t('admin.provisions.hours', { count: p.deadlineHours })
                      : p.deadlineWorkdays !== null
                        ? t('admin.provisions.workdays', { count: p.deadlineWorkdays })
                        : '–'}
                  </td>
                  <td>{t(p.confirmed ? 'admin.provisions.yes' : 'admin.provisions.toConfirm')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-tertiary"
                      aria-label={t('admin.provisions.editFor', { name: p.nameDa })}
                      onClick={() => setEditing(p)}
                    >
                      {t('admin.provisions.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </CompactTable>
            {editing && (
              <ProvisionForm
                key={`${editing.key}-${editing.version}`}
                provision={editing}
                onDone={() => setEditing(null)}
              />
            )}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ProvisionForm({ provision, onDone }: { provision: LegalProvision; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const form = useZodForm(ProvisionValues, {
    defaultValues: {
      nameDa: provision.nameDa,
      section: provision.section,
      validFrom: provision.validFrom,
      confirmed: provision.confirmed,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: z.output<typeof ProvisionValues>) =>
      apiSend<{ items: LegalProvision[] }>('PUT', `/api/legal-provisions/${provision.key}`, {
        ...values,
        nameEn: provision.nameEn,
        law: provision.law,
        validTo: provision.validTo,
        deadlineHours: provision.deadlineHours,
        deadlineWorkdays: provision.deadlineWorkdays,
        version: provision.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(KEY, saved);
      onDone();
    },
  });
  return (
    <>
      <MutationFailure
        mutations={mutation}
        onReload={() => client.invalidateQueries({ queryKey: KEY }).then(onDone)}
      />
      <Form
        id={`provision-${provision.key}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('admin.provisions.failed')}
      >
        <TextInput name="nameDa" label={t('admin.provisions.name')} widthClass="input-width-xl" />
        <TextInput
          name="section"
          label={t('admin.provisions.section')}
          widthClass="input-width-s"
        />
        <DateInput name="validFrom" label={t('admin.provisions.validFrom')} />
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
