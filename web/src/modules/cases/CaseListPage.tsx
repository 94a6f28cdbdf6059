import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { CaseListTable } from './CaseListTable';
import { CaseOverviewFilters } from './CaseOverviewFilters';
import {
  filtersFrom,
  paramsOf,
  useCaseOverview,
  useFilterableCoordinators,
  type CoordinatorList,
  type OverviewFilters,
} from './overviewApi';
import './cases.css';

/**
 * "Sager", the case overview: every case the user may see (member, or break-the-glass access),
 * with filters and sorting in the address, a search by reference, name or CPR number that never
 * goes in the address, and "Vis flere". The route opens only with `records.read` (navigation.ts).
 */
export function CaseListPage() {
  const breakGlass = useSession().data?.abilities?.records.breakGlass ?? false;
  return <CaseList breakGlass={breakGlass} />;
}

/** The filters that are on, in words, for the empty list. */
function activeFilters(
  filters: OverviewFilters,
  text: string,
  t: TFunction,
  coordinators: CoordinatorList['items'],
): string[] {
  const on: string[] = [];
  if (filters.status)
    on.push(t('cases.overview.on.status', { value: t(`cases.status.${filters.status}`) }));
  if (filters.concernLevel) {
    on.push(
      t('cases.overview.on.concern', { value: t(`cases.concernLevel.${filters.concernLevel}`) }),
    );
  }
  if (filters.overdue === true) on.push(t('cases.overview.on.overdue'));
  if (filters.overdue === false) on.push(t('cases.overview.on.notOverdue'));
  if (filters.mine) on.push(t('cases.overview.on.mine'));
  if (filters.coordinatorId) {
    const name = coordinators.find((c) => c.id === filters.coordinatorId)?.name;
    on.push(
      name
        ? t('cases.overview.on.coordinator', { value: name })
        : t('cases.overview.on.oneCoordinator'),
    );
  }
  if (text !== '') on.push(t('cases.overview.on.search', { value: text }));
  return on;
}

function CaseList({ breakGlass }: { breakGlass: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('cases.list.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const [text, setText] = useState('');
  const cases = useCaseOverview(filters, text);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const setFilters = (next: OverviewFilters) => setSearchParams(paramsOf(next), { replace: true });
  const coordinators = useFilterableCoordinators().data?.items ?? [];
  const on = activeFilters(filters, text, t, coordinators);

  return (
    <>
      <PageHeading>{t('cases.list.title')}</PageHeading>
      <p className="font-lead">{t('cases.overview.intro')}</p>
      {breakGlass && (
        <p>
          <Link to="/sager/bryd-glasset" className="function-link">
            {t('cases.list.breakGlassLink')}
          </Link>
        </p>
      )}

      <CaseOverviewFilters filters={filters} onFilters={setFilters} text={text} onText={setText} />

      <PagedList
        query={cases}
        count={items.length}
        countClassName="case-count"
        texts={{
          loading: t('cases.list.loading'),
          loadError: t('cases.list.loadError'),
          loadMoreError: t('cases.list.loadMoreError'),
          empty:
            on.length > 0
              ? t('cases.overview.emptyFiltered', { filters: on.join(', ') })
              : t('cases.list.empty'),
          one: t('cases.list.countOne'),
          many: (count) => t('cases.list.countMany', { count }),
        }}
      >
        <CaseListTable
          items={items}
          sort={filters.sort}
          onSort={(sort) => setFilters({ ...filters, sort })}
        />
      </PagedList>
    </>
  );
}
