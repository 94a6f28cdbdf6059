import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CompactTable } from '../../ui/Table';
import { PagedList } from '../../ui/PagedList';
import { formatDateTime } from '../cases/format';
import { useReadLog, type ReadLogEntry } from './disclosuresApi';

/**
 * "Hvem har læst sagen": the case's read log for its coordinators — when, which role and unit,
 * what and with what purpose — so that unusual reading is noticed by those who know the case.
 * Looking at it is itself logged.
 */
export function ReadLogPanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const log = useReadLog(caseId, true);
  const pages = log.data?.pages ?? [];
  const items = pages.flatMap((p) => p.items);
  const names = pages[0]?.employeeNamesShown ?? false;

  return (
    <section aria-labelledby={headingId} className="case-section read-log">
      <h2 id={headingId}>{t('disclosures.readLog.heading')}</h2>
      <p>{t('disclosures.readLog.intro')}</p>
      <PagedList
        query={log}
        count={items.length}
        countClassName="read-log-count"
        texts={{
          loading: t('disclosures.readLog.loading'),
          loadError: t('disclosures.readLog.loadError'),
          loadMoreError: t('disclosures.readLog.loadMoreError'),
          empty: t('disclosures.readLog.empty'),
          one: t('disclosures.readLog.one'),
          many: (count) => t('disclosures.readLog.many', { count }),
        }}
      >
        <CompactTable
          caption={t('disclosures.readLog.caption')}
          columns={[
            t('disclosures.readLog.when'),
            t('disclosures.readLog.role'),
            t('disclosures.readLog.unit'),
            t('disclosures.readLog.what'),
            t('disclosures.readLog.purpose'),
            ...(names ? [t('disclosures.readLog.employee')] : []),
          ]}
        >
          {items.map((entry, i) => (
            <ReadLogRow key={`${entry.occurredAt}-${i}`} entry={entry} names={names} />
          ))}
        </CompactTable>
      </PagedList>
    </section>
  );
}

function ReadLogRow({ entry, names }: { entry: ReadLogEntry; names: boolean }) {
  const { t } = useTranslation();
  const none = t('disclosures.list.none');
  return (
    <tr>
      <td>{formatDateTime(entry.occurredAt)}</td>
      <td>{entry.role ? t(`admin.roles.${entry.role}`, { defaultValue: entry.role }) : none}</td>
      <td>{entry.unitName ?? none}</td>
      <td>
        {t(`persons.actions.${entry.action}`, { defaultValue: entry.action })}
        {entry.breakGlass && ` (${t('disclosures.readLog.breakGlass')})`}
      </td>
      <td>
        {entry.purpose
          ? t(`persons.purposes.${entry.purpose}`, { defaultValue: entry.purpose })
          : none}
      </td>
      {names && <td>{entry.employeeName ?? none}</td>}
    </tr>
  );
}
