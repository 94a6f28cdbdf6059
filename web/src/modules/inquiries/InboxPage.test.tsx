import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { InboxPage as Page } from './InboxPage';
import type { InboxSearch as Search } from './InboxSearch';
import type { Inbox, InboxParams } from './inquiriesApi';

/** The inbox rendered to markup: the search field above the filters, and the list. */

let InboxPage: typeof Page;
let InboxSearch: typeof Search;

beforeAll(async () => {
  ({ InboxPage } = await importWithI18n(() => import('./InboxPage')));
  ({ InboxSearch } = await import('./InboxSearch'));
});

const PARAMS: InboxParams = {
  status: 'open',
  seriousness: null,
  source: null,
  channel: null,
  overdue: false,
};
const INQUIRY_ID = '55555555-5555-4555-8555-555555555555';

function render(inbox: Inbox, params = PARAMS, address = '/henvendelser'): string {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['session'], {
    state: 'authenticated',
    abilities: { inquiries: { read: true, create: true } },
  });
  client.setQueryData(['inquiries', 'inbox', params, null], { pages: [inbox], pageParams: [null] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter initialEntries={[address]}>
        <InboxPage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('InboxPage', () => {
  it('filters by the channel the inquiry came through, taken from the address', () => {
    const empty = { items: [], nextCursor: null, now: new Date().toISOString() };
    const html = render(empty, { ...PARAMS, channel: 'phone' }, '/henvendelser?channel=phone');
    expect(html).toContain('for="inbox-filter-channel">Kanal</label>');
    expect(html).toMatch(/<option value="phone" selected="">Telefon<\/option>/);
    expect(html).toContain('Der er ingen henvendelser, der passer til filtrene.');
  });

  it('offers a search by reference, name or CPR number above the filters', () => {
    const html = render({ items: [], nextCursor: null, now: new Date().toISOString() });
    expect(html).toContain('for="inbox-search-text">Søg efter henvendelse</label>');
    expect(html).toContain('et navn eller et CPR-nummer');
    expect(html).not.toContain('Ryd søgning');
    expect(html.indexOf('inbox-search-text')).toBeLessThan(html.indexOf('Kun overskredne frister'));
    expect(html).toContain('Der er ingen henvendelser, der passer til filtrene.');
  });

  it('lists the inquiries with a link to each', () => {
    const now = new Date();
    const html = render({
      now: now.toISOString(),
      nextCursor: null,
      items: [
        {
          id: INQUIRY_ID,
          reference: 'H-2026-0012',
          status: 'received',
          seriousness: null,
          urgent: false,
          immediateDanger: false,
          source: 'teacher',
          receivedAt: now.toISOString(),
          registeredAt: now.toISOString(),
          backdateReason: null,
          deadlineAt: new Date(now.getTime() + 86_400_000).toISOString(),
          overdue: false,
          subjectKind: 'person',
          firstPersonName: 'Sara Østergaard',
          otherPersons: 0,
          forumName: null,
        },
      ],
    });
    expect(html).toContain(
      `href="/henvendelser/${INQUIRY_ID}" data-discover="true">H-2026-0012</a>`,
    );
    expect(html).toContain('Sara Østergaard');
    expect(html).toContain('Viser 1 henvendelse.');
  });

  it('shows the search made in the field, with a way to clear it', () => {
    const client = new QueryClient();
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <InboxSearch params={PARAMS} text="Østergaard" onSearch={() => undefined} />
      </QueryClientProvider>,
    );
    expect(html).toContain('value="Østergaard"');
    expect(html).toContain('>Ryd søgning</button>');
  });
});
