import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACCESS_REQUEST_KINDS,
  ACCESS_REQUEST_STATUSES,
} from '../../../../shared/access-requests.ts';
import { usePageTitle } from '../../app/usePageTitle';
import { FilterSelect } from '../../ui/FilterSelect';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { CompactTable } from '../../ui/Table';
import { formatDate } from '../cases/format';
import { useAccessRequests, type AccessFilters } from './accessRequestsApi';

/**
 * "Aktindsigt": the municipality's access requests, earliest deadline first, filtered by status,
 * kind and whether overdue, a page at a time; "Registrér anmodning" opens the form.
 */
export function AccessRequestListPage() {
  const { t } = useTranslation();
  usePageTitle(t('accessRequests.list.title'));
  const [filters, setFilters] = useState<AccessFilters>({ status: '', kind: '', overdue: '' });
  const query = useAccessRequests(filters);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const set = (key: keyof AccessFilters) => (value: string) =>
    setFilters((f) => ({ ...f, [key]: value }));
  return (
    <>
      <PageHeading>{t('accessRequests.list.title')}</PageHeading>
      <p className="font-lead">{t('accessRequests.list.intro')}</p>
      <p>
        <Link to="/aktindsigt/ny" className="button button-primary">
          {t('accessRequests.list.register')}
        </Link>
      </p>
      <div className="access-filters">
        <FilterSelect
          label={t('accessRequests.fields.status')}
          value={filters.status}
          all={t('accessRequests.list.allStatuses')}
          options={ACCESS_REQUEST_STATUSES.map((s) => ({
            value: s,
            label: t(`accessRequests.statuses.${s}`),
          }))}
          onChange={set('status')}
        />
        <FilterSelect
          label={t('accessRequests.fields.kind')}
          value={filters.kind}
          all={t('accessRequests.list.allKinds')}
          options={ACCESS_REQUEST_KINDS.map((k) => ({
            value: k,
            label: t(`accessRequests.kinds.${k}`),
          }))}
          onChange={set('kind')}
        />
        <FilterSelect
          label={t('accessRequests.list.overdue')}
          value={filters.overdue}
          all={t('accessRequests.list.overdueAll')}
          options={[
            { value: 'true', label: t('accessRequests.list.overdueOnly') },
            { value: 'false', label: t('accessRequests.list.notOverdue') },
          ]}
          onChange={set('overdue')}
        />
      </div>
      <PagedList
        query={query}
        count={items.length}
        countClassName="access-count"
        texts={{
          loading: t('accessRequests.list.loading'),
          loadError: t('accessRequests.list.loadError'),
          loadMoreError: t('accessRequests.list.loadError'),
          empty: t('accessRequests.list.empty'),
          one: t('accessRequests.list.one'),
          many: (count) => t('accessRequests.list.many', { count }),
        }}
      >
        <CompactTable
          caption={t('accessRequests.list.title')}
          columns={[
            t('accessRequests.fields.citizen'),
            t('accessRequests.fields.kind'),
            t('accessRequests.fields.receivedOn'),
            t('accessRequests.fields.deadlineOn'),
            t('accessRequests.fields.status'),
          ]}
        >
          {items.map((r) => (
            <tr key={r.id}>
              <td>
                <Link to={`/aktindsigt/${r.id}`}>{r.person.name}</Link>
              </td>
              <td>{t(`accessRequests.kinds.${r.kind}`)}</td>
              <td>{formatDate(r.receivedOn)}</td>
              <td>
                {formatDate(r.deadlineOn)}{' '}
                {r.overdue && (
                  <span className="badge badge-warning">{t('accessRequests.overdue')}</span>
                )}
              </td>
              <td>{t(`accessRequests.statuses.${r.status}`)}</td>
            </tr>
          ))}
        </CompactTable>
      </PagedList>
    </>
  );
}
