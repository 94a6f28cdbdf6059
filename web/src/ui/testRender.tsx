import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/**
 * For tests that render a page to markup in Node (no DOM): the app's i18n needs a stand-in
 * document before it loads, so the page is imported after it.
 *
 * ```tsx
 * beforeAll(async () => {
 *   ({ PlanPage } = await importWithI18n(() => import('./PlanPage')));
 * });
 * ```
 */
export async function importWithI18n<T>(load: () => Promise<T>): Promise<T> {
  // The app's i18n module sets <html lang>; a stand-in document is enough here.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../app/i18n');
  return load();
}

/** The markup of `element` with the query `key` answered by `data` (never fetched again). */
export function renderWithQuery(element: ReactElement, key: QueryKey, data: unknown): string {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(key, data);
  return renderToStaticMarkup(<QueryClientProvider client={client}>{element}</QueryClientProvider>);
}
