import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Layer from '../../ui/form/index';
import { importWithI18n } from '../../ui/testRender';
import { TEST_CASE_ID } from '../cases/testCaseDetail';
import type { CaseInterventions, Consent } from '../case-interventions/interventionsApi';
import type { TransferConsentSelect as Picker } from './TransferConsentSelect';

/**
 * The consent picker of "Overfør sagen" rendered to markup: only the case's consents valid today
 * for a single disclosure to another municipality are offered, in Danish.
 */
let layer: typeof Layer;
let TransferConsentSelect: typeof Picker;
let key: readonly unknown[];
beforeAll(async () => {
  ({ TransferConsentSelect } = await importWithI18n(() => import('./TransferConsentSelect')));
  layer = await import('../../ui/form/index');
  key = (await import('../case-interventions/interventionsApi')).interventionsKey(TEST_CASE_ID);
});

const consent: Consent = {
  id: '55555555-5555-4555-8555-555555555555',
  version: 1,
  person: { id: '44444444-4444-4444-8444-444444444444', name: 'Jonas Berg', role: 'citizen' },
  givenBy: 'person',
  custodyHolders: [],
  purpose: 'Overførsel til Frederiksberg',
  uses: ['single_disclosure'],
  categories: ['identity', 'case_history'],
  organisations: [],
  organisationKinds: ['other_municipality'],
  method: 'written',
  witness: null,
  givenOn: '2026-11-01',
  validFrom: '2026-11-01',
  validTo: null,
  signedOn: '2026-11-01',
  scan: null,
  withdrawnOn: null,
  status: 'valid',
  recordedBy: 'Tovholder',
  recordedAt: '2026-11-01T10:00:00.000Z',
};

function Example() {
  const { Form, useZodForm } = layer;
  const form = useZodForm(z.object({ consentId: z.string() }), {
    defaultValues: { consentId: '' },
  });
  return (
    <Form id="transfer" form={form} onSubmit={() => undefined}>
      <TransferConsentSelect caseId={TEST_CASE_ID} />
    </Form>
  );
}

function render(consents: Consent[]): string {
  const data: CaseInterventions = {
    id: TEST_CASE_ID,
    interventions: [],
    consents,
    offers: [],
    catalogue: [],
    providers: [],
  };
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity } } });
  client.setQueryData(key, data);
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <Example />
    </QueryClientProvider>,
  );
}

describe('TransferConsentSelect', () => {
  it('offers the valid consents to a disclosure to another municipality only', () => {
    const html = render([
      consent,
      {
        ...consent,
        id: '66666666-6666-4666-8666-666666666666',
        purpose: 'Trukket',
        status: 'withdrawn',
      },
      {
        ...consent,
        id: '77777777-7777-4777-8777-777777777777',
        purpose: 'Rådgivning',
        uses: ['counselling'],
      },
      {
        ...consent,
        id: '88888888-8888-4888-8888-888888888888',
        purpose: 'Skolen',
        organisationKinds: ['school'],
      },
    ]);
    expect(html).toContain('Samtykke');
    expect(html).toContain('Vælg samtykke');
    expect(html).toContain('2026-11-01: Overførsel til Frederiksberg');
    for (const other of ['Trukket', 'Rådgivning', 'Skolen']) expect(html).not.toContain(other);
  });

  it('says so when the case has no such consent', () => {
    expect(render([])).toContain('Sagen har intet gyldigt samtykke');
  });
});
