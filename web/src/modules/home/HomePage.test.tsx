import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Abilities, Session } from '../../app/session';
import { importWithI18n } from '../../ui/testRender';
import type { HomePage as Page } from './HomePage';

/** The front page by the session's abilities: the work list, "Ny henvendelse", or neither. */

let HomePage: typeof Page;

beforeAll(async () => {
  ({ HomePage } = await importWithI18n(() => import('./HomePage')));
});

const NONE: Abilities = {
  inquiries: { create: false, read: false },
  persons: { merge: false },
  forums: { read: false, manage: false },
  settings: { read: false, edit: false },
  catalogue: { read: false, manage: false },
  records: { read: false, breakGlass: false, accessReport: false },
  admin: { users: false, audit: false, processingRecord: false },
  partners: { read: false, manage: false },
  disclosures: { register: false },
  transfers: { incoming: false },
};

function render(abilities: Abilities): string {
  const session: Session = {
    state: 'authenticated',
    next: null,
    csrfToken: 'x',
    user: null,
    abilities,
  };
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['session'], session);
  client.setQueryData(['tasks', 'work-list'], { sections: [] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <HomePage />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('HomePage', () => {
  it('gives a coordinator the work list and the way to record an inquiry', () => {
    const html = render({
      ...NONE,
      inquiries: { create: true, read: true },
      records: { ...NONE.records, read: true },
    });
    expect(html).toContain('<h1 tabindex="-1">Tovholder</h1>');
    expect(html).toContain('Det venter på dig');
    expect(html).toContain('Der venter ikke noget på dig lige nu.');
    expect(html).toContain('href="/henvendelser/ny"');
  });

  it('gives someone who only records inquiries the button and no work list', () => {
    const html = render({ ...NONE, inquiries: { create: true, read: false } });
    expect(html).toContain('href="/henvendelser/ny"');
    expect(html).not.toContain('Det venter på dig');
  });

  it('gives an administrator neither', () => {
    const html = render({ ...NONE, admin: { users: true, audit: true, processingRecord: true } });
    expect(html).not.toContain('href="/henvendelser/ny"');
    expect(html).not.toContain('Det venter på dig');
  });
});
