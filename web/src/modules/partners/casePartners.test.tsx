import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { testCaseDetail } from '../cases/testCaseDetail';
import type { CasePartnersPage as Page } from './CasePartnersPage';

/** The case's Samarbejdspartnere tab: the list for the team, the actions from abilities alone. */

let CasePartnersPage: typeof Page;

beforeAll(async () => {
  ({ CasePartnersPage } = await importWithI18n(() => import('./CasePartnersPage')));
});

const ACCESS = {
  id: '22222222-2222-4222-8222-222222222222',
  caseId: '11111111-1111-4111-8111-111111111111',
  organisation: {
    id: '33333333-3333-4333-8333-333333333333',
    name: 'Demo Psykiatri',
    kind: 'psychiatry',
  },
  partner: {
    id: '44444444-4444-4444-8444-444444444444',
    name: 'Overlæge Pia',
    email: null,
    activated: true,
  },
  parts: ['overview', 'planGoals'],
  goalKeys: [],
  interventionIds: [],
  legalBasis: { key: 'rpl_115_psp', name: 'PSP-samarbejdet (Retsplejeloven § 115)' },
  purpose: 'Kriminalitetsforebyggende samarbejde',
  consentId: null,
  endsOn: '2027-02-01',
  endedOn: null,
  endReason: null,
  status: 'active',
  invitedBy: { id: '55555555-5555-4555-8555-555555555555', name: 'Tovholder' },
  createdAt: '2026-12-01T10:00:00.000Z',
  version: 1,
};

function render(write: boolean, access: typeof ACCESS = ACCESS): string {
  const base = testCaseDetail();
  const detail: CaseDetail = {
    ...base,
    id: ACCESS.caseId,
    abilities: { ...base.abilities, partners: { read: true, write, approve: false } },
  };
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['cases', 'partner-access', ACCESS.caseId], { items: [access] });
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>
        <CasePartnersPage detail={detail} />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('CasePartnersPage', () => {
  it('shows the team who is invited, what they see, the basis and the end date, in Danish', () => {
    const html = render(false);
    expect(html).toContain('Samarbejdspartnere i sagen');
    expect(html).toContain('Overlæge Pia, Demo Psykiatri');
    expect(html).toContain('Overblik, Mål i handleplanen');
    expect(html).toContain('PSP-samarbejdet');
    expect(html).toContain('01.02.2027');
    expect(html).not.toContain('Invitér en samarbejdspartner');
    expect(html).not.toContain('Afslut adgangen i dag');
  });

  it('offers inviting, changing and ending to those who may write the part', () => {
    const html = render(true);
    expect(html).toContain('Invitér en samarbejdspartner');
    expect(html).toContain('Afslut adgangen i dag');
  });

  it('names why an access no longer works, and offers no change on a closed case', () => {
    const closed = render(true, { ...ACCESS, status: 'case_closed' });
    expect(closed).toContain('Sagen er lukket');
    expect(closed).not.toContain('Afslut adgangen i dag');
    const inactive = render(true, { ...ACCESS, status: 'organisation_inactive' });
    expect(inactive).toContain('Organisationen er deaktiveret');
    expect(inactive).toContain('Afslut adgangen i dag');
    expect(render(false, { ...ACCESS, status: 'basis_not_valid' })).toContain(
      'Hjemlen gælder ikke længere',
    );
  });
});
