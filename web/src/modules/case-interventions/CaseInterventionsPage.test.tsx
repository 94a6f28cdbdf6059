import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseInterventionsPage as Page } from './CaseInterventionsPage';
import type { CaseInterventions } from './interventionsApi';

/**
 * The interventions tab rendered to markup: what each place in the case is shown comes from the
 * case's abilities alone (a writer gets the forms, a mentor only their own interventions, a
 * break-the-glass reader and a closed case no forms).
 */
vi.mock('../../ui/Icon', () => ({ Icon: () => null }));

let CaseInterventionsPage: typeof Page;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  await import('../../app/i18n');
  ({ CaseInterventionsPage } = await import('./CaseInterventionsPage'));
});

const empty: CaseInterventions = {
  id: TEST_CASE_ID,
  interventions: [],
  consents: [],
  offers: [],
  catalogue: [],
  providers: [],
};

function render(caseDetail: CaseDetail): string {
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(['cases', 'interventions', TEST_CASE_ID], empty);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <CaseInterventionsPage detail={caseDetail} />
    </QueryClientProvider>,
  );
}

describe('CaseInterventionsPage', () => {
  it('gives a member with the whole case the consents, the offers and their forms', () => {
    const html = render(testCaseDetail({ access: { role: 'member', compartment: false } }));
    expect(html).toContain('Samtykker');
    expect(html).toContain('Registrér samtykke');
    expect(html).toContain('Registrér tilbud om frivillig støtte');
    expect(html).toContain('Opret indsats');
    expect(html).not.toContain('Sagen er afsluttet');
  });

  it('shows a mentor only their own interventions', () => {
    const html = render(
      testCaseDetail({ access: { role: 'member', scope: 'intervention', compartment: false } }),
    );
    expect(html).toContain('Du har kun adgang til de indsatser i sagen, som du selv udfører.');
    expect(html).toContain('Du udfører ingen indsatser i sagen.');
    expect(html).not.toContain('Samtykker');
    expect(html).not.toContain('Opret indsats');
  });

  it('tells a member of a closed case why nothing can be changed; a reader gets no forms', () => {
    const closed = render(testCaseDetail({ status: 'closed' }));
    expect(closed).toContain('Sagen er afsluttet eller til genvurdering.');
    expect(closed).toContain('Samtykker');
    expect(closed).not.toContain('Registrér samtykke');
    expect(closed).not.toContain('Opret indsats');
    const reader = render(testCaseDetail({ access: { role: null, breakGlass: true } }));
    expect(reader).not.toContain('Sagen er afsluttet');
    expect(reader).not.toContain('Registrér samtykke');
    expect(reader).not.toContain('Registrér tilbud om frivillig støtte');
    expect(reader).not.toContain('Opret indsats');
  });
});
