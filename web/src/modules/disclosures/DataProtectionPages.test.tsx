import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Abilities, Session } from '../../app/session';
import { NO_ABILITIES } from '../../ui/testAbilities';
import { importWithI18n } from '../../ui/testRender';
import type { CitizenTrailPage as Trail } from './CitizenTrailPage';
import type { DpiaPage as Dpia } from './DpiaPage';

/**
 * The data-protection role's pages rendered to markup: the one page of a citizen (a masked CPR
 * field, the kinds and the period) and the impact assessment, each only with its ability.
 */
let CitizenTrailPage: typeof Trail;
let DpiaPage: typeof Dpia;

beforeAll(async () => {
  ({ CitizenTrailPage } = await importWithI18n(() => import('./CitizenTrailPage')));
  ({ DpiaPage } = await importWithI18n(() => import('./DpiaPage')));
});

const NONE: Abilities = NO_ABILITIES;
const DPO: Abilities = {
  ...NONE,
  records: { ...NONE.records, accessReport: true },
  admin: { ...NONE.admin, audit: true, processingRecord: true },
  disclosures: { register: true },
  dataProtection: { dpia: true },
};

function render(page: ReactElement, abilities: Abilities): string {
  const session: Session = {
    state: 'authenticated',
    next: null,
    csrfToken: 'x',
    user: null,
    abilities,
  };
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['session'], session);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>{page}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the data-protection pages', () => {
  it('finds the citizen by a masked CPR number, by kind and period', () => {
    const html = render(<CitizenTrailPage />, DPO);
    expect(html).toContain('Hvem har set og modtaget borgerens oplysninger');
    expect(html).toMatch(
      /<input[^>]*type="password"[^>]*id="citizen-trail-cpr"|<input[^>]*id="citizen-trail-cpr"[^>]*type="password"/,
    );
    expect(html).toContain('Opslag og videregivelser');
    expect(html).toContain('Kun opslag');
    expect(html).toContain('Kun videregivelser');
    expect(html).toContain('Fra dato');
  });

  it('shows the impact assessment with its PDF', () => {
    const html = render(<DpiaPage />, DPO);
    expect(html).toContain('Konsekvensanalyse (DPIA)');
    expect(html).toContain('href="/api/admin/dpia.pdf"');
  });

  it('refuses both without the abilities', () => {
    for (const page of [<CitizenTrailPage key="t" />, <DpiaPage key="d" />]) {
      const html = render(page, NONE);
      expect(html).not.toContain('citizen-trail-cpr');
      expect(html).not.toContain('dpia.pdf');
    }
  });
});
