import { beforeAll, describe, expect, it } from 'vitest';
import { RISK_ITEMS } from '../../../../shared/citizen-meetings.ts';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseDetail } from '../cases/casesApi';
import type { CaseContactSection as Section } from './CaseContactSection';
import type { CitizenContact, contactKey as contactKeyFn } from './citizenMeetingsApi';

/**
 * "Kontakt og samtaler" rendered to markup: the contact bar with the run of failed tries, the
 * meeting with its precautions and summary PDF, actions from the case's abilities, nothing for a
 * mentor.
 */
let CaseContactSection: typeof Section;
let contactKey: typeof contactKeyFn;

beforeAll(async () => {
  ({ CaseContactSection } = await importWithI18n(() => import('./CaseContactSection')));
  ({ contactKey } = await importWithI18n(() => import('./citizenMeetingsApi')));
});

const USER = { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' };
const MEETING = '44444444-4444-4444-8444-444444444444';
const attempt = (n: number, outcome: 'refused' | 'no_answer') => ({
  id: `5555555${n}-5555-4555-8555-555555555555`,
  attemptedOn: `2026-11-0${n}`,
  channel: 'phone' as const,
  triedBy: USER,
  bridgeBuilder: null,
  outcome,
  note: null,
  nextStep: null,
  nextOn: null,
  nextBy: null,
  recordedAt: `2026-11-0${n}T09:00:00.000Z`,
});

const contact: CitizenContact = {
  id: TEST_CASE_ID,
  attempts: [attempt(1, 'refused'), attempt(2, 'refused'), attempt(3, 'no_answer')],
  failedRun: 3,
  meetings: [
    {
      id: MEETING,
      version: 2,
      plannedOn: '2026-11-20',
      purpose: 'clarify_concern',
      expectedOutcome: null,
      agenda: null,
      place: 'Biblioteket',
      placeReason: null,
      roles: null,
      colleagueCheckBy: null,
      communicationApproach: null,
      riskCheck: RISK_ITEMS.map((item) => ({ item, answer: 'no' as const, note: null })),
      riskCheckComplete: true,
      riskConclusion: null,
      precautions: 'Vi er to og sidder ved døren.',
      preparedBy: USER,
      heldOn: '2026-11-20',
      summary: 'Vi talte om skolen.',
      agreements: null,
      rightsTold: ['voluntary'],
      lifeline: { who: 'Mentor Anna', phone: '12345678', email: null, address: null, when: null },
      nextMeetingOn: null,
      createdAt: '2026-11-15T09:00:00.000Z',
    },
  ],
};

const render = (detail: CaseDetail) =>
  renderWithQuery(
    <CaseContactSection detail={detail} />,
    contactKey({ kind: 'case', id: TEST_CASE_ID }),
    contact,
  );

describe('CaseContactSection', () => {
  it('shows the contact bar with the failed run, the meeting, its precautions and the PDF, in Danish', () => {
    const html = render(testCaseDetail());
    expect(html).toContain('Kontakt og samtaler');
    expect(html).toContain('3 forsøg i træk har ikke nået borgeren.');
    expect(html).toContain('Afviste');
    expect(html).toContain('Forholdsregler før mødet');
    expect(html).toContain('Vi er to og sidder ved døren.');
    expect(html).toContain(`/api/cases/${TEST_CASE_ID}/citizen-meetings/${MEETING}/summary.pdf`);
    expect(html).toContain('Registrér kontaktforsøg');
    expect(html).toContain('Skriv refleksion');
    // Withheld compartment fields show the neutral marker.
    expect(html).toContain('Skjult: hører til bekymringen');
  });

  it('offers no reflection without the compartment, and nothing to a mentor', () => {
    const member = render(testCaseDetail({ access: { role: 'member', compartment: false } }));
    expect(member).toContain('Registrér kontaktforsøg');
    expect(member).not.toContain('Skriv refleksion');
    expect(render(testCaseDetail({ access: { role: 'member', scope: 'intervention' } }))).toBe('');
  });
});
