import { useId, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { usePageTitle } from '../../app/usePageTitle';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PageHeading } from '../../ui/PageHeading';
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
  const filterId = useId();
  const [searchParams, setSearchParams] = useSearchParams();
  const statusParam = searchParams.get('status');
  const status = isCaseStatus(statusParam) ? statusParam : null;
  const cases = useCaseList(status);
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];

  const changeStatus = (event: ChangeEvent<HTMLSelectElement>) => {
    const value = event.target.value;
    setSearchParams(isCaseStatus(value) ? { status: value } : {}, { replace: true });
  };

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

      <div className="form-group case-filter">
        <label className="form-label" htmlFor={filterId}>
          {t('cases.list.statusFilter')}
        </label>
        <select id={filterId} className="form-select" value={status ?? ''} onChange={changeStatus}>
          <option value="">{t('cases.list.allStatuses')}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`cases.status.${s}`)}
            </option>
          ))}
        </select>
      </div>

      {cases.isPending ? (
        <Loading label={t('cases.list.loading')} />
      ) : cases.isError && items.length === 0 ? (
        <ErrorAlert
          title={t('cases.list.loadError')}
          error={cases.error}
          onRetry={() => void cases.refetch()}
        />
      ) : (
        <>
          <p role="status" className="case-count">
            {items.length === 0
              ? status
                ? t('cases.list.emptyFiltered', { status: t(`cases.status.${status}`) })
                : t('cases.list.empty')
              : items.length === 1
                ? t('cases.list.countOne')
                : t('cases.list.countMany', { count: items.length })}
          </p>
          {items.length > 0 && <CaseListTable items={items} />}
          {cases.isFetchNextPageError && (
            <ErrorAlert title={t('cases.list.loadMoreError')} error={cases.error} />
          )}
          {cases.hasNextPage && (
            <button
              type="button"
              className="button button-secondary mt-5"
              disabled={cases.isFetchingNextPage}
              onClick={() => void cases.fetchNextPage()}
            >
              {cases.isFetchingNextPage
                ? t('cases.common.loadingMore')
                : t('cases.common.loadMore')}
            </button>
          )}
        </>
      )}
    </>
  );
}
