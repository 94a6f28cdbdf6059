import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseInterventionsPage as Page } from './CaseInterventionsPage';
import type { CaseIntervention, CaseInterventions } from './interventionsApi';

/**
 * The interventions tab rendered to markup: what each place in the case is shown comes from the
 * case's abilities alone (a writer gets the forms, a mentor only their own interventions, a
 * break-the-glass reader and a closed case no forms).
 */

let CaseInterventionsPage: typeof Page;

beforeAll(async () => {
  ({ CaseInterventionsPage } = await importWithI18n(() => import('./CaseInterventionsPage')));
});

const empty: CaseInterventions = {
  id: TEST_CASE_ID,
  interventions: [],
  consents: [],
  offers: [],
  catalogue: [],
  providers: [],
};

function render(caseDetail: CaseDetail, data: CaseInterventions = empty): string {
  return renderWithQuery(
    <CaseInterventionsPage detail={caseDetail} />,
    ['cases', 'interventions', TEST_CASE_ID],
    data,
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
    const mentor = { role: 'member', scope: 'intervention', compartment: false } as const;
    expect(render(testCaseDetail({ status: 'closed', access: mentor }))).toContain(
      'Sagen er afsluttet eller til genvurdering.',
    );
    const closedReader = testCaseDetail({
      status: 'closed',
      access: { role: null, breakGlass: true },
    });
    expect(render(closedReader)).not.toContain('Sagen er afsluttet');
  });

  it('draws the forms with the one form layer: dkfds radios and the dd.mm.åååå date field', () => {
    const planned: CaseIntervention = {
      id: '22222222-2222-4222-8222-222222222222',
      version: 1,
      type: {
        id: '33333333-3333-4333-8333-333333333333',
        name: 'Mentorforløb',
        level: 'anticipating',
        legalBasis: null,
        consentRequired: false,
        concern: null,
      },
      person: { id: '44444444-4444-4444-8444-444444444444', name: 'Bilal', role: 'citizen' },
      form: 'individual',
      participants: [
        { id: '44444444-4444-4444-8444-444444444444', name: 'Bilal', role: 'citizen' },
      ],
      provider: null,
      providerName: null,
      status: 'planned',
      purpose: null,
      startsOn: null,
      endsOn: null,
      endReason: null,
      backdateReason: null,
      backdateNote: null,
      consent: null,
      sessions: [],
    };
    const html = render(testCaseDetail(), { ...empty, interventions: [planned] });
    expect(html).toContain('Mentorforløb – Bilal');
    expect(html).toMatch(/<input[^>]*type="radio"[^>]*class="form-radio"[^>]*value="start"/);
    expect(html).toContain('Start indsatsen');
    expect(html).toContain('dd.mm.åååå');
    expect(html).not.toContain('type="date"');
  });
});
