import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import { ProposeTransferBody } from '../../../../server/modules/transfers/schema.ts';
import { TRANSFER_PARTS, type TransferPart } from '../../../../shared/transfers.ts';
import type { LegalBasisKey } from '../../../../server/modules/sharing/schema.ts';
import { useSession } from '../../app/session';
import { CheckboxGroup, Form, Select, TextArea, useZodForm } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import type { CaseDetail } from '../cases/casesApi';
import { formatDateTime } from '../cases/format';
import { MunicipalitySelect } from './MunicipalitySelect';
import { TransferConsentSelect } from './TransferConsentSelect';
import {
  proposeTransfer,
  TRANSFERS_KEY,
  useCaseTransfers,
  useTransferBases,
  type Transfer,
} from './transfersApi';

const TransferValues = ProposeTransferBody.omit({ id: true, consentId: true }).extend({
  consentId: z.string(),
});

/**
 * "Overførsel til anden kommune" on the case overview (issue 13 part 5): the case's transfers and
 * their answers, and "Overfør sagen" (the municipality the citizen moves to, why, the legal basis
 * among those that fit, what is copied, and on a consent basis the case's consent that covers
 * it). Shown from the case's `abilities.transfer` alone.
 */
export function TransferPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const ability = detail.abilities.transfer;
  const transfers = useCaseTransfers(detail.id, ability.read);
  const [open, setOpen] = useState(false);
  if (!ability.read) return null;
  return (
    <section aria-labelledby={headingId} className="case-section">
      <h2 id={headingId}>{t('transfers.case.heading')}</h2>
      <QueryState
        query={transfers}
        loading={t('transfers.loading')}
        loadError={t('transfers.loadError')}
      >
        {(list) =>
          list.items.length === 0 ? (
            <p>{t('transfers.case.empty')}</p>
          ) : (
            <TransferTable items={list.items} side="sender" />
          )
        }
      </QueryState>
      {ability.write &&
        (open ? (
          <ProposeForm caseId={detail.id} onDone={() => setOpen(false)} />
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
            {t('transfers.case.open')}
          </button>
        ))}
    </section>
  );
}

export function TransferTable({ items, side }: { items: Transfer[]; side: 'sender' | 'receiver' }) {
  const { t } = useTranslation();
  return (
    <CompactTable
      caption={t('transfers.table.caption')}
      columns={[
        t('transfers.table.proposedAt'),
        side === 'sender' ? t('transfers.table.to') : t('transfers.table.from'),
        t('transfers.table.status'),
        t('transfers.table.reason'),
        t('transfers.table.basis'),
      ]}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td>{formatDateTime(item.proposedAt)}</td>
          <td>{side === 'sender' ? item.to.name : item.from.name}</td>
          <td>
            {t(`transfers.status.${item.status}`)}
            {item.declineReason && <> – {item.declineReason}</>}
          </td>
          <td>{item.reason}</td>
          <td>{item.legalBasis}</td>
        </tr>
      ))}
    </CompactTable>
  );
}

function ProposeForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const own = useSession().data?.user?.municipality?.code ?? null;
  const bases = useTransferBases(true);
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useZodForm(TransferValues, {
    defaultValues: {
      toMunicipalityCode: '',
      reason: '',
      legalBasis: '' as LegalBasisKey,
      parts: ['identity', 'work_summary'] as TransferPart[],
      consentId: '',
    },
  });
  const legalBasis = useWatch({ control: form.control, name: 'legalBasis' });
  const needsConsent = !!bases.data?.items.find((b) => b.key === legalBasis)?.requiresConsent;
  const mutation = useMutation({
    mutationFn: ({ consentId, ...values }: typeof TransferValues._output) =>
      proposeTransfer(caseId, {
        ...values,
        id: clientId,
        ...(needsConsent && consentId && { consentId }),
      }),
    onSuccess: async () => {
      onDone();
      await queryClient.invalidateQueries({ queryKey: [...TRANSFERS_KEY] });
    },
  });
  return (
    <Form
      id={`transfer-${caseId}`}
      form={form}
      onSubmit={(values) => mutation.mutateAsync(values)}
      error={mutation.error}
      errorTitle={t('transfers.case.failedTitle')}
    >
      <p>{t('transfers.case.intro')}</p>
      <MunicipalitySelect own={own} />
      <TextArea
        name="reason"
        label={t('transfers.case.reason')}
        hint={t('transfers.case.reasonHint')}
        maxLength={2000}
        rows={3}
      />
      <Select name="legalBasis" label={t('transfers.case.basis')}>
        <option value="">{t('transfers.case.chooseBasis')}</option>
        {(bases.data?.items ?? []).map((b) => (
          <option key={b.key} value={b.key}>
            {`${b.law} ${b.section} – ${b.nameDa}`}
          </option>
        ))}
      </Select>
      {needsConsent && <TransferConsentSelect caseId={caseId} />}
      <CheckboxGroup<TransferPart>
        name="parts"
        label={t('transfers.case.parts')}
        hint={t('transfers.case.partsHint')}
        options={TRANSFER_PARTS.map((p) => ({ value: p, label: t(`transfers.parts.${p}`) }))}
      />
      <button type="submit" className="button button-primary" disabled={mutation.isPending}>
        {t('transfers.case.submit')}
      </button>
    </Form>
  );
}
