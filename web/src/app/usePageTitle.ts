import { useEffect } from 'react';
import { PRODUCT_NAME } from './product';

/** Sets the browser title to "<page> – Tovholder". */
export function usePageTitle(page: string) {
  useEffect(() => {
    document.title = `${page} – ${PRODUCT_NAME}`;
  }, [page]);
}
