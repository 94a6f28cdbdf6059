import { useEffect } from 'react';

/**
 * After a page's data arrives: when the layout had to focus the main region (the heading was not
 * there yet while loading), move focus on to the page's heading, as for a page without loading.
 */
export function useFocusHeading(ready = true) {
  useEffect(() => {
    if (!ready) return;
    const main = document.getElementById('main-content');
    if (!main || document.activeElement !== main) return;
    main.querySelector<HTMLElement>('h1')?.focus();
  }, [ready]);
}
