import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseInterventionsPage as Page } from './CaseInterventionsPage';
import type { CaseInterventions, Consent } from './interventionsApi';

/**
 * The consents of the interventions tab rendered to markup: each consent's status in Danish, its
 * scope in words, and the actions the case's abilities allow (a reader gets the links to read,
 * no forms).
 */
let CaseInterventionsPage: typeof Page;
beforeAll(async () => {
  ({ CaseInterventionsPage } = await importWithI18n(() => import('./CaseInterventionsPage')));
});

const consent: Consent = {
  id: '55555555-5555-4555-8555-555555555555',
  version: 1,
  person: { id: '44444444-4444-4444-8444-444444444444', name: 'Jonas Berg', role: 'citizen' },
  givenBy: 'person',
  custodyHolders: [],
  purpose: 'Uddannelse og job efter løsladelsen',
  uses: ['standing_access'],
  categories: ['plan', 'education_employment'],
  organisations: [
    { id: '66666666-6666-4666-8666-666666666666', name: 'Jobcenter Vest', kind: 'jobcenter' },
  ],
  organisationKinds: [],
  method: 'written',
  witness: null,
  givenOn: '2026-11-01',
  validFrom: '2026-11-01',
  validTo: '2027-04-30',
  signedOn: null,
  scan: null,
  withdrawnOn: null,
  status: 'awaiting_signature',
  recordedBy: 'Tovholder',
  recordedAt: '2026-11-01T10:00:00.000Z',
};

function render(detail: CaseDetail, consents: Consent[]): string {
  const data: CaseInterventions = {
    id: TEST_CASE_ID,
    interventions: [],
    consents,
    offers: [],
    catalogue: [],
    providers: [],
  };
  return renderWithQuery(
    <CaseInterventionsPage detail={detail} />,
    ['cases', 'interventions', TEST_CASE_ID],
    data,
  );
}

describe('the consents of a case', () => {
  it('shows the status and scope, the form to print and the writer’s actions', () => {
    const html = render(testCaseDetail({ access: { role: 'member', compartment: false } }), [
      consent,
    ]);
    expect(html).toContain('Afventer underskrift');
    expect(html).toContain('Jobcenter Vest');
    expect(html).toContain('Handleplan og mål');
    expect(html).toContain('Udskriv samtykkeblanket (PDF)');
    expect(html).toContain(`/api/cases/${TEST_CASE_ID}/consents/${consent.id}/form.pdf`);
    expect(html).toContain('Registrér underskrevet blanket');
    expect(html).toContain('Tilføj scannet kopi');
    expect(html).toContain('Træk samtykket tilbage');
    expect(html).toContain('Hvad må oplysningerne bruges til?');
  });

  it('says withdrawn and expired, and offers a reader no forms', () => {
    const reader = testCaseDetail({ access: { role: null, breakGlass: true } });
    const html = render(reader, [
      {
        ...consent,
        status: 'withdrawn',
        withdrawnOn: '2026-11-20',
        signedOn: '2026-11-02',
        scan: { mediaType: 'application/pdf', addedAt: '2026-11-02T10:00:00.000Z' },
      },
      { ...consent, id: '77777777-7777-4777-8777-777777777777', status: 'expired' },
    ]);
    expect(html).toContain('Trukket tilbage');
    expect(html).toContain('Udløbet');
    expect(html).toContain('Hent scannet kopi');
    expect(html).not.toContain('Registrér underskrevet blanket');
    expect(html).not.toContain('Træk samtykket tilbage');
    expect(html).not.toContain('Registrér samtykke');
  });
});
