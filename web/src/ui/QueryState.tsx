import type { UseInfiniteQueryResult, UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { Loading } from './Loading';

/**
 * What a query (`useQuery`, or `useInfiniteQuery` with its pages) shows in its place on the page: a spinner with `loading` while it
 * loads, the error alert `loadError` with "Try again" when it failed, else what `children` draws
 * from the data (including any "none" text for an empty list).
 *
 * ```tsx
 * <QueryState query={units} loading={t('admin.units.loading')} loadError={t('admin.units.loadError')}>
 *   {(items) => (items.length === 0 ? <p>{t('admin.units.empty')}</p> : <UnitTable units={items} />)}
 * </QueryState>
 * ```
 */
export function QueryState<T, E>({
  query,
  loading,
  loadError,
  children,
}: {
  query: UseQueryResult<T, E> | UseInfiniteQueryResult<T, E>;
  /** The spinner's status text, e.g. "Loading the units …". */
  loading: string;
  /** The error alert's title, e.g. "The units could not be loaded". */
  loadError: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading label={loading} />;
  if (query.isError) {
    return (
      <ErrorAlert title={loadError} error={query.error} onRetry={() => void query.refetch()} />
    );
  }
  return <>{children(query.data)}</>;
}
