import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A compact, horizontally scrolling admin table with a caption for screen readers. */
export function AdminTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="table--responsive-scroll">
      <table className="table table--compact admin-table">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

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
