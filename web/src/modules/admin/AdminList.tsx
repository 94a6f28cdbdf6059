import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import type { FieldValues, UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Form } from '../../ui/form';
import { QueryState } from '../../ui/QueryState';

/** Below a list's filters: search (submits the form) and reset. */
export function FilterButtons({ onReset }: { onReset: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="admin-buttons">
      <button type="submit" className="button button-secondary">
        {t('admin.common.search')}
      </button>
      <button type="button" className="button button-tertiary" onClick={onReset}>
        {t('admin.common.reset')}
      </button>
    </div>
  );
}

/** The parts of an infinite query that "Vis flere" needs. */
interface Pages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<unknown>;
}

/** "Vis flere" below a list while the server has another page; disabled while it loads. */
export function LoadMoreButton({ pages }: { pages: Pages }) {
  const { t } = useTranslation();
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button-secondary mt-5"
      disabled={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {pages.isFetchingNextPage ? t('admin.common.loadingMore') : t('admin.common.loadMore')}
    </button>
  );
}

/**
 * A list's filter form under its heading, with search and reset: reset empties the fields (the
 * form's default values) and lifts the filter (`onReset`).
 */
export function FilterForm<TIn extends FieldValues, TOut>({
  id,
  form,
  heading,
  onFilter,
  onReset,
  children,
}: {
  id: string;
  form: UseFormReturn<TIn, unknown, TOut>;
  heading: string;
  onFilter: (values: TOut) => void;
  onReset: () => void;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <Form
      id={id}
      form={form}
      className="admin-filters"
      aria-labelledby={headingId}
      onSubmit={onFilter}
    >
      <h3 id={headingId}>{heading}</h3>
      {children}
      <FilterButtons
        onReset={() => {
          form.reset();
          onReset();
        }}
      />
    </Form>
  );
}

/**
 * A paged list's place on the page: loading, the load error with a retry, "none" (`empty`) when
 * no item is shown, else the list (`children`) with "Vis flere".
 */
export function PagedList<T, E>({
  pages,
  shown,
  loading,
  loadError,
  empty,
  children,
}: {
  pages: UseInfiniteQueryResult<T, E>;
  /** How many items are shown. */
  shown: number;
  loading: string;
  loadError: string;
  empty: string;
  children: ReactNode;
}) {
  return (
    <QueryState query={pages} loading={loading} loadError={loadError}>
      {() =>
        shown === 0 ? (
          <p role="status">{empty}</p>
        ) : (
          <>
            {children}
            <LoadMoreButton pages={pages} />
          </>
        )
      }
    </QueryState>
  );
}
