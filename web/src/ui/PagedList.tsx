import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/** What PagedList needs of a list's `useInfiniteQuery` result. */
export interface PagedQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  refetch: () => Promise<unknown>;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** The list's own texts; "show more" is the app's (paging.*). */
export interface PagedListTexts {
  loading: string;
  loadError: string;
  loadMoreError: string;
  /** Said when the list is empty (e.g. naming the filter that left nothing). */
  empty: string;
  one: string;
  many: (count: number) => string;
}

/**
 * A list loaded a page at a time ("Vis flere", keyset pagination): a spinner while the first page
 * loads, an error with retry when nothing could be loaded, then a status line with the count,
 * the list itself (`children`, only when there is something), an error for a page that failed
 * and the button for the next page.
 */
export function PagedList({
  query,
  count,
  texts,
  countClassName,
  noPrint = false,
  children,
}: {
  query: PagedQuery;
  /** How many items the loaded pages hold. */
  count: number;
  texts: PagedListTexts;
  /** The status line's class (the module's, e.g. `case-count`). */
  countClassName: string;
  /** Leaves the status line and the button out of a printout. */
  noPrint?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (query.isPending) return <Loading label={texts.loading} />;
  if (query.isError && count === 0) {
    return (
      <ErrorAlert
        title={texts.loadError}
        error={query.error}
        onRetry={() => void query.refetch()}
      />
    );
  }
  const print = noPrint ? ' no-print' : '';
  return (
    <>
      <p role="status" className={countClassName + print}>
        {count === 0 ? texts.empty : count === 1 ? texts.one : texts.many(count)}
      </p>
      {count > 0 && children}
      {query.isFetchNextPageError && <ErrorAlert title={texts.loadMoreError} error={query.error} />}
      {query.hasNextPage && (
        <button
          type="button"
          className={`button button-secondary mt-5${print}`}
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          {query.isFetchingNextPage ? t('paging.loadingMore') : t('paging.loadMore')}
        </button>
      )}
    </>
  );
}
