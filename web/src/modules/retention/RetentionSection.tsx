import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  UpdateRetentionPeriodBody,
  type RetentionPeriod,
} from '../../../../server/modules/retention/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { Checkbox, Form, MutationFailure, focusAfterSave, useZodForm } from '../../ui/form';
import { NumberInput } from '../../ui/form/NumberInput';
import { RetentionRunSection } from './RetentionRunSection';

/**
 * "Opbevaring og sletning" on the settings page (docs/RETENTION.md): the retention period of each
 * kind of record with the confirmed minimum, each edited with the version it was read at. The
 * product's defaults are unconfirmed; the municipality confirms them with its archive.
 */
export const PERIODS_KEY = ['admin', 'retention', 'periods'];
const PeriodValues = UpdateRetentionPeriodBody.omit({ version: true });
type PeriodValues = z.output<typeof PeriodValues>;

export function RetentionSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const [editing, setEditing] = useState<RetentionPeriod | null>(null);
  const periods = useQuery({
    queryKey: PERIODS_KEY,
    queryFn: () => apiGet<{ items: RetentionPeriod[] }>('/api/admin/retention/periods'),
  });
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('retention.title')}</h2>
      <p>{t('retention.intro')}</p>
      <p>{t('retention.sourceNote')}</p>
      <QueryState
        query={periods}
        loading={t('retention.loading')}
        loadError={t('retention.loadError')}
      >
        {({ items }) => (
          <>
            <CompactTable
              caption={t('retention.caption')}
              columns={[
                t('retention.kind'),
                t('retention.months'),
                t('retention.minimum'),
                t('retention.countedFrom'),
                t('retention.confirmed'),
                t('retention.actions'),
              ]}
            >
              {items.map((p) => (
                <tr key={p.kind}>
                  <td>{t(`retention.kinds.${p.kind}`)}</td>
                  <td>
                    {t('retention.monthsValue', { count: p.months })}
                    {p.months !== p.defaultMonths &&
                      ` (${t('retention.default', { count: p.defaultMonths })})`}
                  </td>
                  <td>{t('retention.monthsValue', { count: p.minimumMonths })}</td>
                  <td>{t(`retention.from.${p.countedFrom}`)}</td>
                  <td>{t(p.confirmed ? 'retention.yes' : 'retention.toConfirm')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-tertiary"
                      aria-label={t('retention.editFor', { kind: t(`retention.kinds.${p.kind}`) })}
                      onClick={() => setEditing(p)}
                    >
                      {t('retention.edit')}
                    </button>
                  </td>
                </tr>
              ))}
            </CompactTable>
            {editing && (
              <PeriodForm
                key={`${editing.kind}-${editing.version}`}
                period={editing}
                onDone={() => {
                  setEditing(null);
                  focusAfterSave(headingId);
                }}
              />
            )}
          </>
        )}
      </QueryState>
      <RetentionRunSection />
    </section>
  );
}

function PeriodForm({ period, onDone }: { period: RetentionPeriod; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const form = useZodForm(PeriodValues, {
    defaultValues: {
      months: period.months,
      minimumMonths: period.minimumMonths,
      confirmed: period.confirmed,
    },
  });
  const mutation = useMutation({
    mutationFn: (values: PeriodValues) =>
      apiSend<{ items: RetentionPeriod[] }>('PUT', `/api/admin/retention/periods/${period.kind}`, {
        ...values,
        version: period.version,
      }),
    onSuccess: (saved) => {
      client.setQueryData(PERIODS_KEY, saved);
      void client.invalidateQueries({ queryKey: ['admin', 'retention', 'dry-run'] });
      onDone();
    },
  });
  const kind = t(`retention.kinds.${period.kind}`);
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h3 id={headingId}>{t('retention.editHeading', { kind })}</h3>
      <MutationFailure
        mutations={mutation}
        onReload={() => client.invalidateQueries({ queryKey: PERIODS_KEY }).then(onDone)}
      />
      <Form
        id={`retention-${period.kind}`}
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('retention.failed')}
      >
        <NumberInput
          name="months"
          label={t('retention.monthsLabel')}
          hint={t('retention.monthsHint')}
          required
        />
        <NumberInput
          name="minimumMonths"
          label={t('retention.minimumLabel')}
          hint={t('retention.minimumHint')}
          required
        />
        <Checkbox name="confirmed" label={t('retention.confirmedLabel')} />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t('retention.save')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('retention.cancel')}
        </button>
      </Form>
    </section>
  );
}
