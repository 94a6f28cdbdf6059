import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { CAPABILITIES, mayOpen } from '../../app/navigation';
import type { Abilities } from '../../app/session';
import { NO_ABILITIES } from '../../ui/testAbilities';
import { importWithI18n } from '../../ui/testRender';
import type { PartnerCasesPage as ListPage } from './PartnerCasesPage';

/** A partner's web app: "Mine sager" and nothing else of the municipality's; the list itself. */

const PARTNER: Abilities = { ...NO_ABILITIES, partner: { cases: true } };

let PartnerCasesPage: typeof ListPage;

beforeAll(async () => {
  ({ PartnerCasesPage } = await importWithI18n(() => import('./PartnerCasesPage')));
});

describe('a partner’s menu', () => {
  it('opens "Mine sager" only', () => {
    const open = CAPABILITIES.filter((c) => mayOpen(c.id, PARTNER)).map((c) => c.id);
    expect(open).toEqual(['partnerCases']);
  });

  it('is not offered to staff', () => {
    const staff = {
      ...PARTNER,
      partner: { cases: false },
      records: { ...PARTNER.records, read: true },
    };
    expect(mayOpen('partnerCases', staff)).toBe(false);
    expect(mayOpen('cases', staff)).toBe(true);
    expect(mayOpen('tasks', staff)).toBe(true);
  });
});

describe('Mine sager', () => {
  it('lists the invited cases with the organisation and the end date in Danish', () => {
    const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
    client.setQueryData(['partner', 'cases'], {
      items: [
        {
          caseId: '11111111-1111-4111-8111-111111111111',
          reference: 'S-2026-0007',
          organisation: 'Demo Psykiatriske Center',
          endsOn: '2027-03-01',
          parts: ['overview'],
        },
      ],
    });
    const html = renderToStaticMarkup(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <PartnerCasesPage />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    expect(html).toContain('Mine sager');
    expect(html).toContain('href="/mine-sager/11111111-1111-4111-8111-111111111111"');
    expect(html).toContain('Demo Psykiatriske Center');
    expect(html).toContain('01.03.2027');
  });
});
