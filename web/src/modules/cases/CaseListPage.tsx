import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { FilterSelect } from '../../ui/FilterSelect';
import { PageHeading } from '../../ui/PageHeading';
import { PagedList } from '../../ui/PagedList';
import { CaseListTable } from './CaseListTable';
import { CASE_STATUSES, isCaseStatus, useCaseList } from './casesApi';
import './cases.css';

/**
 * "Sager": the cases the user is a member of (or holds break-the-glass access to), filtered by
 * status and paged with "Vis flere". The route opens only with `records.read` (navigation.ts).
 */
export function CaseListPage() {
  const breakGlass = useSession().data?.abilities?.records.breakGlass ?? false;
  return <CaseList breakGlass={breakGlass} />;
}

function CaseList({ breakGlass }: { breakGlass: boolean }) {
  const { t } = useTranslation();
  usePageTitle(t('cases.list.title'));
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status = isCaseStatus(statusParam) ? statusParam : null;
  const cases = useCaseList(status);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeading>{t('cases.list.title')}</PageHeading>
      <p className="font-lead">{t('cases.list.intro')}</p>
      {breakGlass && (
        <p>
          <Link to="/sager/bryd-glasset" className="function-link">
            {t('cases.list.breakGlassLink')}
          </Link>
        </p>
      )}

      <FilterSelect
        className="case-filter"
        label={t('cases.list.statusFilter')}
        value={status ?? ''}
        all={t('cases.list.allStatuses')}
        options={CASE_STATUSES.map((s) => ({ value: s, label: t(`cases.status.${s}`) }))}
        onChange={(value) =>
          setSearchParams(isCaseStatus(value) ? { status: value } : {}, { replace: true })
        }
      />

      <PagedList
        query={cases}
        count={items.length}
        countClassName="case-count"
        texts={{
          loading: t('cases.list.loading'),
          loadError: t('cases.list.loadError'),
          loadMoreError: t('cases.list.loadMoreError'),
          empty: status
            ? t('cases.list.emptyFiltered', { status: t(`cases.status.${status}`) })
            : t('cases.list.empty'),
          one: t('cases.list.countOne'),
          many: (count) => t('cases.list.countMany', { count }),
        }}
      >
        <CaseListTable items={items} />
      </PagedList>
    </>
  );
}
