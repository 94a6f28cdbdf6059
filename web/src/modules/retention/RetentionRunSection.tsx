import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type {
  ArchiveExportSchema,
  DueRecordSchema,
  LegalHoldSchema,
} from '../../../../server/modules/retention/schema.ts';
import { LiftLegalHoldBody } from '../../../../server/modules/retention/schema.ts';
import { apiGet, apiSend } from '../../app/api';
import { QueryState } from '../../ui/QueryState';
import { CompactTable } from '../../ui/Table';
import { Form, MutationFailure, TextArea, useZodForm } from '../../ui/form';
import { formatDate } from '../cases/format';

/**
 * The next daily run (docs/RETENTION.md): the dry-run's records whose period has ended and what
 * the run does with each, the archival export of those not yet delivered, and the legal holds
 * (placed on a record of the list, lifted from the list of holds), each with a reason.
 */
const DRY_RUN_KEY = ['admin', 'retention', 'dry-run'];
const HOLDS_KEY = ['admin', 'retention', 'holds'];
const EXPORTS_KEY = ['admin', 'retention', 'exports'];

type DueRecord = z.output<typeof DueRecordSchema>;
type Hold = z.output<typeof LegalHoldSchema>;
type ArchiveExport = z.output<typeof ArchiveExportSchema>;

const ReasonValues = LiftLegalHoldBody.pick({ reason: true });
type ReasonValues = z.output<typeof ReasonValues>;
type Acting = { kind: 'hold'; record: DueRecord } | { kind: 'lift'; hold: Hold } | null;

export function RetentionRunSection() {
  const { t } = useTranslation();
  const headingId = useId();
  const client = useQueryClient();
  const [acting, setActing] = useState<Acting>(null);
  const dryRun = useQuery({
    queryKey: DRY_RUN_KEY,
    queryFn: () =>
      apiGet<{ items: DueRecord[]; auditEntries: number }>('/api/admin/retention/dry-run'),
  });
  const holds = useQuery({
    queryKey: HOLDS_KEY,
    queryFn: () => apiGet<{ items: Hold[] }>('/api/admin/retention/holds'),
  });
  const exports = useQuery({
    queryKey: EXPORTS_KEY,
    queryFn: () => apiGet<{ items: ArchiveExport[] }>('/api/admin/retention/exports'),
  });
  const refresh = () =>
    Promise.all(
      [DRY_RUN_KEY, HOLDS_KEY, EXPORTS_KEY].map((queryKey) =>
        client.invalidateQueries({ queryKey }),
      ),
    );
  const takeExport = useMutation({
    mutationFn: () =>
      apiSend<ArchiveExport>('POST', '/api/admin/retention/exports', { id: crypto.randomUUID() }),
    onSuccess: refresh,
  });
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{t('retention.run.title')}</h3>
      <p>{t('retention.run.intro')}</p>
      <MutationFailure mutations={takeExport} onReload={refresh} />
      <QueryState
        query={dryRun}
        loading={t('retention.run.loading')}
        loadError={t('retention.run.loadError')}
      >
        {({ items, auditEntries }) => (
          <>
            {items.length === 0 ? (
              <p>{t('retention.run.none')}</p>
            ) : (
              <CompactTable
                caption={t('retention.run.caption')}
                columns={[
                  t('retention.run.reference'),
                  t('retention.kind'),
                  t('retention.run.periodEnded'),
                  t('retention.run.status'),
                  t('retention.actions'),
                ]}
              >
                {items.map((r) => (
                  <tr key={r.recordId}>
                    <td>{r.reference}</td>
                    <td>
                      {r.retentionKind
                        ? t(`retention.kinds.${r.retentionKind}`)
                        : t('retention.run.noPeriod')}
                    </td>
                    <td>{r.periodEnded ? formatDate(r.periodEnded) : '–'}</td>
                    <td>{t(`retention.run.statuses.${r.status}`)}</td>
                    <td>
                      {r.status !== 'legal_hold' && (
                        <button
                          type="button"
                          className="button button-tertiary"
                          aria-label={t('retention.run.holdFor', { reference: r.reference })}
                          onClick={() => setActing({ kind: 'hold', record: r })}
                        >
                          {t('retention.run.hold')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </CompactTable>
            )}
            <p>{t('retention.run.audit', { count: auditEntries })}</p>
            {items.some((r) => r.exportedAt === null) && (
              <button
                type="button"
                className="button button-secondary"
                disabled={takeExport.isPending}
                onClick={() => takeExport.mutate()}
              >
                {t('retention.run.export')}
              </button>
            )}
          </>
        )}
      </QueryState>
      {exports.data && exports.data.items.length > 0 && (
        <p>
          {t('retention.run.lastExport', {
            date: formatDate(exports.data.items[0]?.takenAt.slice(0, 10) ?? ''),
            name: exports.data.items[0]?.packageName ?? '',
            count: exports.data.items[0]?.recordCount ?? 0,
          })}
        </p>
      )}
      <h3>{t('retention.holds.title')}</h3>
      {holds.data && holds.data.items.length === 0 && <p>{t('retention.holds.none')}</p>}
      {holds.data && holds.data.items.length > 0 && (
        <CompactTable
          caption={t('retention.holds.caption')}
          columns={[
            t('retention.run.reference'),
            t('retention.holds.reason'),
            t('retention.holds.placed'),
            t('retention.actions'),
          ]}
        >
          {holds.data.items.map((h) => (
            <tr key={h.id}>
              <td>{h.reference}</td>
              <td>{h.reason}</td>
              <td>
                {formatDate(h.placedAt.slice(0, 10))}
                {h.liftedAt &&
                  ` – ${t('retention.holds.lifted', { date: formatDate(h.liftedAt.slice(0, 10)) })}`}
              </td>
              <td>
                {!h.liftedAt && (
                  <button
                    type="button"
                    className="button button-tertiary"
                    aria-label={t('retention.holds.liftFor', { reference: h.reference })}
                    onClick={() => setActing({ kind: 'lift', hold: h })}
                  >
                    {t('retention.holds.lift')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </CompactTable>
      )}
      {acting && (
        <ReasonForm
          key={acting.kind === 'hold' ? acting.record.recordId : acting.hold.id}
          acting={acting}
          onDone={() => {
            setActing(null);
            void refresh();
          }}
        />
      )}
    </section>
  );
}

function ReasonForm({ acting, onDone }: { acting: NonNullable<Acting>; onDone: () => void }) {
  const { t } = useTranslation();
  const headingId = useId();
  const form = useZodForm(ReasonValues, { defaultValues: { reason: '' } });
  const mutation = useMutation({
    mutationFn: ({ reason }: ReasonValues) =>
      acting.kind === 'hold'
        ? apiSend('POST', '/api/admin/retention/holds', {
            id: crypto.randomUUID(),
            recordKind: acting.record.recordKind,
            recordId: acting.record.recordId,
            reason,
          })
        : apiSend('POST', `/api/admin/retention/holds/${acting.hold.id}/lift`, {
            reason,
            version: acting.hold.version,
          }),
    onSuccess: onDone,
  });
  const reference = acting.kind === 'hold' ? acting.record.reference : acting.hold.reference;
  return (
    <section aria-labelledby={headingId} className="mt-6">
      <h4 id={headingId}>
        {t(
          acting.kind === 'hold' ? 'retention.holds.placeHeading' : 'retention.holds.liftHeading',
          {
            reference,
          },
        )}
      </h4>
      <MutationFailure mutations={mutation} onReload={async () => onDone()} />
      <Form
        id="retention-hold"
        form={form}
        onSubmit={(values) => mutation.mutateAsync(values)}
        error={mutation.error}
        errorTitle={t('retention.failed')}
      >
        <TextArea
          name="reason"
          label={t('retention.holds.reasonLabel')}
          rows={3}
          maxLength={1000}
        />
        <button type="submit" className="button button-primary" disabled={mutation.isPending}>
          {t(acting.kind === 'hold' ? 'retention.holds.place' : 'retention.holds.lift')}
        </button>
        <button type="button" className="button button-secondary" onClick={onDone}>
          {t('retention.cancel')}
        </button>
      </Form>
    </section>
  );
}
