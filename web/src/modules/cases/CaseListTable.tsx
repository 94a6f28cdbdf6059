import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseListItem } from './casesApi';
import { CompactTable } from '../../ui/Table';
import { danishToday } from '../../ui/form';
import { formatDate, formatDay } from './format';
import { sortDirection, type CaseSort } from './overviewApi';

/** Whole days from an ISO date to today (Danish time). */
export function daysSince(isoDate: string, today = danishToday()): number {
  return Math.round((Date.parse(today) - Date.parse(isoDate)) / 86_400_000);
}

type ColumnKey =
  | 'referenceColumn'
  | 'citizenColumn'
  | 'statusColumn'
  | 'concernColumn'
  | 'coordinatorColumn'
  | 'nextFollowUpColumn'
  | 'openInterventionsColumn'
  | 'lastContactColumn'
  | 'openedColumn'
  | 'roleColumn';

/** The columns, in order; a sortable one names its sort. */
const COLUMNS: { key: ColumnKey; sort?: CaseSort }[] = [
  { key: 'referenceColumn', sort: 'reference' },
  { key: 'citizenColumn' },
  { key: 'statusColumn' },
  { key: 'concernColumn' },
  { key: 'coordinatorColumn' },
  { key: 'nextFollowUpColumn', sort: 'nextFollowUp' },
  { key: 'openInterventionsColumn' },
  { key: 'lastContactColumn', sort: 'lastContact' },
  { key: 'openedColumn', sort: 'opened' },
  { key: 'roleColumn' },
];

/**
 * The case overview: reference (a link), citizen, status, concern level and its direction,
 * coordinators, next follow-up (overdue said in words and colour), open interventions, last
 * contact, opened date and the user's own role. Sortable columns are buttons in the heading; the
 * sorted one carries `aria-sort`.
 */
export function CaseListTable({
  items,
  sort,
  onSort,
}: {
  items: CaseListItem[];
  sort: CaseSort;
  onSort: (sort: CaseSort) => void;
}) {
  const { t } = useTranslation();
  const heading = (column: (typeof COLUMNS)[number]): ReactNode => {
    const label = t(`cases.list.${column.key}`);
    if (!column.sort) return label;
    const target = column.sort;
    return (
      <button type="button" className="button-unstyled case-sort" onClick={() => onSort(target)}>
        {label}
        {sort === target && (
          <span className="sr-only"> {t(`cases.overview.sorted.${sortDirection(target)}`)}</span>
        )}
      </button>
    );
  };
  const lastContact = (on: string) => {
    const count = daysSince(on);
    const values = { date: formatDate(on), count };
    return count === 1
      ? t('cases.overview.daysAgoOne', values)
      : t('cases.overview.daysAgoMany', values);
  };
  return (
    <CompactTable
      className="case-table"
      caption={t('cases.list.caption')}
      columns={COLUMNS.map(heading)}
      sorted={{
        column: COLUMNS.findIndex((c) => c.sort === sort),
        direction: sortDirection(sort),
      }}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td className="case-reference">
            <Link to={`/sager/${item.id}`}>{item.reference}</Link>
            {item.breakGlass && (
              <>
                {' '}
                <span className="badge badge-warning case-badge">
                  {t('cases.common.breakGlassBadge')}
                </span>
              </>
            )}
          </td>
          <td>{item.citizen ? item.citizen.name : t('cases.list.citizenHidden')}</td>
          <td>{t(`cases.status.${item.status}`)}</td>
          <td>
            {item.concernLevel
              ? t(`cases.concernLevel.${item.concernLevel}`)
              : t('cases.concernLevel.none')}
            {item.concernDirection && (
              <span className="case-direction">
                {' '}
                {t(`cases.overview.direction.${item.concernDirection}`)}
              </span>
            )}
          </td>
          <td>{item.coordinators ?? t('cases.overview.noCoordinator')}</td>
          <td>
            {item.nextFollowUpOn === null ? (
              t('cases.overview.noFollowUp')
            ) : item.overdue ? (
              <span className="case-overdue">
                {t('cases.overview.overdueOn', { date: formatDate(item.nextFollowUpOn) })}
              </span>
            ) : (
              formatDate(item.nextFollowUpOn)
            )}
          </td>
          <td>{item.openInterventions}</td>
          <td>
            {item.lastContactOn === null
              ? t('cases.overview.noContact')
              : lastContact(item.lastContactOn)}
          </td>
          <td>{formatDay(item.openedAt)}</td>
          <td>{item.myRole ? t(`cases.roles.${item.myRole}`) : t('cases.roles.breakGlass')}</td>
        </tr>
      ))}
    </CompactTable>
  );
}
