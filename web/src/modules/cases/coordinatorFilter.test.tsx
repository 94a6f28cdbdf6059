import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type * as Page from './CaseListPage';
import type * as Api from './overviewApi';

/**
 * "Tovholder" in the overview's filter bar: all, mine, or one of the coordinators the server
 * lists; the choice in the address (one coordinator or mine, never both) and in the empty list's
 * words.
 */
let CaseListPage: typeof Page.CaseListPage;
let api: typeof Api;

beforeAll(async () => {
  ({ CaseListPage } = await importWithI18n(() => import('./CaseListPage')));
  api = await import('./overviewApi');
  const { default: i18n } = await import('../../app/i18n');
  await i18n.changeLanguage('da');
});

const DORTE = { id: '4f1c2d3e-0000-4000-8000-0000000000d1', name: 'Dorte Tovholder' };
const KIM = { id: '4f1c2d3e-0000-4000-8000-0000000000d2', name: 'Kim Kollega' };

/** The page at `address`, with the overview's empty page and the coordinators answered. */
function page(address: string): string {
  const filters = api.filtersFrom(new URLSearchParams(address.split('?')[1] ?? ''));
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['cases', 'overview', filters, ''], {
    pages: [{ items: [], nextCursor: null }],
    pageParams: [null],
  });
  client.setQueryData(api.COORDINATORS_QUERY_KEY, { items: [DORTE, KIM] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[address]}>
        <CaseListPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the coordinator filter', () => {
  it('reads one coordinator from the address and writes it back; mine and a coordinator exclude each other', () => {
    const filters = api.filtersFrom(new URLSearchParams(`coordinatorId=${KIM.id}`));
    expect(filters.coordinatorId).toBe(KIM.id);
    expect(api.coordinatorChoice(filters)).toBe(KIM.id);
    expect(api.paramsOf(filters)).toEqual({ coordinatorId: KIM.id });
    const mine = api.withCoordinatorChoice(filters, 'mine');
    expect(mine).toMatchObject({ mine: true, coordinatorId: null });
    expect(api.coordinatorChoice(mine)).toBe('mine');
    expect(api.withCoordinatorChoice(mine, DORTE.id)).toMatchObject({
      mine: false,
      coordinatorId: DORTE.id,
    });
    expect(api.withCoordinatorChoice(mine, '')).toMatchObject({ mine: false, coordinatorId: null });
    // Anything but an id in the address is ignored (and a name is never put there).
    expect(api.filtersFrom(new URLSearchParams('coordinatorId=Kim')).coordinatorId).toBeNull();
  });

  it('offers "Tovholder": Alle, Mine and each coordinator by name, with the chosen one selected', () => {
    const html = page(`/sager?coordinatorId=${KIM.id}`);
    expect(html).toContain('>Tovholder</label>');
    expect(html).toMatch(/<option value="">Alle<\/option><option value="mine">Mine<\/option>/);
    expect(html).toContain(`<option value="${DORTE.id}">Dorte Tovholder</option>`);
    expect(html).toContain(`<option value="${KIM.id}" selected="">Kim Kollega</option>`);
    expect(html).toContain('Ingen sager passer til filtrene: tovholderen »Kim Kollega«.');
  });

  it('keeps a coordinator from the address that the list does not hold, without a name', () => {
    const unknown = '4f1c2d3e-0000-4000-8000-0000000000ff';
    const html = page(`/sager?coordinatorId=${unknown}`);
    expect(html).toContain(`<option value="${unknown}" selected="">Den valgte tovholder</option>`);
    expect(html).toContain('Ingen sager passer til filtrene: den valgte tovholder.');
  });
});
