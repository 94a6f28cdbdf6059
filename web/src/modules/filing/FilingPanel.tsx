import { useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { PagedList } from '../../ui/PagedList';
import { focusAfterSave, SuccessMessage } from '../../ui/form';
import type { CaseDetail } from '../cases/casesApi';
import { formatDate, formatDateTime } from '../cases/format';
import {
  filingExportName,
  filingExportUrl,
  useFilings,
  type FilableDocument,
  type Filing,
} from './filingApi';
import { CorrectFilingForm, WithdrawFilingForm } from './FilingChangeForms';
import { documentLabel, RecordFilingForm } from './RecordFilingForm';

/**
 * "Journalisering" on the closure tab, next to the case summary: the filing export of each
 * document the caller may read (the PDF inside the metadata the municipality's record system
 * needs), the form that records where and when a version was filed, and the filings so far with
 * their journal numbers. Shown from the case's `abilities.filing` alone.
 */
export function FilingPanel({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const doneId = useId();
  const filings = useFilings(detail.id);
  const [done, setDone] = useState<string | null>(null);
  const [change, setChange] = useState<FilingChange | null>(null);
  if (!detail.abilities.filing.read) return null;
  const pages = filings.data?.pages ?? [];
  const first = pages[0];
  const items = pages.flatMap((p) => p.items);

  return (
    <section aria-labelledby={headingId} className="case-section filing">
      <h3 id={headingId}>{t('filing.heading')}</h3>
      {first && (
        <p>
          {first.kleCode
            ? t('filing.intro', {
                system: first.recordSystem ?? t('filing.recordSystemFallback'),
                kle: first.kleCode,
              })
            : t('filing.noKle')}
        </p>
      )}
      {first && first.documents.length > 0 && (
        <ExportLinks detail={detail} documents={first.documents} />
      )}
      {done && (
        <div id={doneId}>
          <SuccessMessage>{done}</SuccessMessage>
        </div>
      )}
      {first && detail.abilities.filing.write && first.documents.length > 0 && (
        <>
          <h4>{t('filing.record.heading')}</h4>
          <RecordFilingForm
            caseId={detail.id}
            documents={first.documents}
            onDone={(filing) => {
              setDone(t('filing.record.done', { number: filing.journalNumber }));
              focusAfterSave(doneId);
            }}
          />
        </>
      )}
      <h4>{t('filing.list.heading')}</h4>
      <PagedList
        query={filings}
        count={items.length}
        countClassName="filing-count"
        texts={{
          loading: t('filing.list.loading'),
          loadError: t('filing.list.loadError'),
          loadMoreError: t('filing.list.loadMoreError'),
          empty: t('filing.list.empty'),
          one: t('filing.list.one'),
          many: (count) => t('filing.list.many', { count }),
        }}
      >
        <FilingTable
          items={items}
          mayCorrect={detail.abilities.filing.write}
          mayWithdraw={detail.abilities.filing.approve}
          onChange={setChange}
        />
      </PagedList>
      {change && (
        <ChangeFiling
          caseId={detail.id}
          change={change}
          onDone={(message) => {
            setChange(null);
            setDone(message);
            focusAfterSave(doneId);
          }}
          onCancel={() => {
            setChange(null);
            focusAfterSave(`filing-${change.action}-${change.filing.id}-button`);
          }}
        />
      )}
    </section>
  );
}

function ExportLinks({ detail, documents }: { detail: CaseDetail; documents: FilableDocument[] }) {
  const { t } = useTranslation();
  return (
    <>
      <ul>
        {documents.map((d) => (
          <li key={`${d.kind}:${d.version}`}>
            <a
              href={filingExportUrl(detail.id, d.kind, d.planId)}
              download={filingExportName(detail.reference, d)}
            >
              {t('filing.export', { document: documentLabel(t, d) })}
            </a>
          </li>
        ))}
      </ul>
      <p className="form-hint">{t('filing.exportHint')}</p>
    </>
  );
}

/** A filing being corrected or withdrawn. */
interface FilingChange {
  action: 'correct' | 'withdraw';
  filing: Filing;
}

function filingTitle(t: TFunction, f: Filing): string {
  return documentLabel(t, { kind: f.document, version: f.documentVersion, date: f.documentDate });
}

function ChangeFiling({
  caseId,
  change,
  onDone,
  onCancel,
}: {
  caseId: string;
  change: FilingChange;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { filing } = change;
  const title = t(`filing.${change.action}.heading`, {
    document: filingTitle(t, filing),
    number: filing.journalNumber,
  });
  const props = { caseId, filing, onDone, onCancel };
  return (
    <div className="filing-change">
      <h4>{title}</h4>
      {change.action === 'correct' ? (
        <CorrectFilingForm key={filing.id} {...props} />
      ) : (
        <WithdrawFilingForm key={filing.id} {...props} />
      )}
    </div>
  );
}

function FilingTable({
  items,
  mayCorrect,
  mayWithdraw,
  onChange,
}: {
  items: Filing[];
  mayCorrect: boolean;
  mayWithdraw: boolean;
  onChange: (change: FilingChange) => void;
}) {
  const { t } = useTranslation();
  const actions = mayCorrect || mayWithdraw;
  return (
    <CompactTable
      caption={t('filing.list.caption')}
      columns={[
        t('filing.list.document'),
        t('filing.list.journalNumber'),
        t('filing.list.filedOn'),
        t('filing.list.recordedBy'),
        ...(actions ? [t('filing.list.actions')] : []),
      ]}
    >
      {items.map((f) => (
        <tr key={f.id}>
          <td>
            {filingTitle(t, f)}
            {f.withdrawn && (
              <>
                {' '}
                <span className="badge badge-small">{t('filing.list.withdrawnBadge')}</span>
                <br />
                {t('filing.list.withdrawn', {
                  name: f.withdrawn.by.name,
                  time: formatDateTime(f.withdrawn.at),
                  reason: f.withdrawn.reason,
                })}
              </>
            )}
            {f.correctedAt && !f.withdrawn && (
              <>
                <br />
                {t('filing.list.corrected', { time: formatDateTime(f.correctedAt) })}
              </>
            )}
          </td>
          <td>
            {f.journalNumber}
            {f.recordSystem && ` (${f.recordSystem})`}
          </td>
          <td>{formatDate(f.filedOn)}</td>
          <td>
            {t('filing.list.by', { name: f.filedBy.name, time: formatDateTime(f.recordedAt) })}
          </td>
          {actions && (
            <td>
              {!f.withdrawn && mayCorrect && (
                <button
                  type="button"
                  id={`filing-correct-${f.id}-button`}
                  className="button button-secondary button-small"
                  aria-label={t('filing.correct.buttonLabel', { document: filingTitle(t, f) })}
                  onClick={() => onChange({ action: 'correct', filing: f })}
                >
                  {t('filing.correct.button')}
                </button>
              )}{' '}
              {!f.withdrawn && mayWithdraw && (
                <button
                  type="button"
                  id={`filing-withdraw-${f.id}-button`}
                  className="button button-secondary button-small"
                  aria-label={t('filing.withdraw.buttonLabel', { document: filingTitle(t, f) })}
                  onClick={() => onChange({ action: 'withdraw', filing: f })}
                >
                  {t('filing.withdraw.button')}
                </button>
              )}
            </td>
          )}
        </tr>
      ))}
    </CompactTable>
  );
}
