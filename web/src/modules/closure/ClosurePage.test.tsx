import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { ClosurePage as ClosurePageComponent } from './ClosurePage';
import type { ClosureOverview } from './closureApi';

/**
 * The closure tab rendered to markup (no DOM here): the proposal form with the six outcomes, a
 * status select per goal and a disposition per open intervention; a pending proposal with the
 * coordinator's buttons; the re-review form with the question of its month; the PDF link.
 */

let ClosurePage: typeof ClosurePageComponent;

beforeAll(async () => {
  ({ ClosurePage } = await importWithI18n(() => import('./ClosurePage')));
});

const CASE_ID = TEST_CASE_ID;
const GOAL = '44444444-4444-4444-8444-444444444441';
const user = { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' };

const empty: ClosureOverview = {
  id: CASE_ID,
  closures: [],
  reviews: [],
  openInterventions: [
    {
      id: '55555555-5555-4555-8555-555555555555',
      typeName: 'Mentorforløb',
      personName: 'Ali Hansen',
      status: 'active',
    },
  ],
  goals: [{ key: GOAL, parentKey: null, text: 'Går i skole hver dag', status: 'in_progress' }],
  units: [{ id: '66666666-6666-4666-8666-666666666666', name: 'Børne- og ungeenheden' }],
  needsAnotherCoordinator: [],
};

function render(overview: ClosureOverview, caseDetail: CaseDetail): string {
  return renderWithQuery(
    <ClosurePage detail={caseDetail} />,
    ['cases', 'closure', CASE_ID],
    overview,
  );
}

describe('ClosurePage', () => {
  it('offers the proposal with outcomes, goal statuses and dispositions, and the PDF link', () => {
    const html = render(empty, testCaseDetail());
    expect(html).toContain('Indstil til afslutning');
    for (const outcome of [
      'Bekymringen er håndteret',
      'Overdraget til det almindelige system',
      'Overdraget til politiet',
      'Borgeren er fraflyttet',
      'Kontakten er tabt',
      'Andet',
    ]) {
      expect(html).toContain(outcome);
    }
    // An outcome is a value, never an instruction: the unit is chosen in its own select.
    expect(html).not.toMatch(/\(vælg enhed\)/i);
    expect(html).toContain('Går i skole hver dag');
    expect(html).toContain('Mentorforløb for Ali Hansen');
    expect(html).toContain('Fortsætter uden for sagen');
    expect(html).toContain(`href="/api/cases/${CASE_ID}/summary.pdf"`);
    expect(html).toContain('Hent sagsresumé som PDF');
  });

  it('shows a pending proposal with approve and send back for a coordinator only', () => {
    const overview: ClosureOverview = {
      ...empty,
      closures: [
        {
          id: '77777777-7777-4777-8777-777777777777',
          outcome: 'handled',
          transferredUnit: null,
          outcomeOther: null,
          reason: 'Skolegangen er stabil.',
          goalStatuses: [{ goalKey: GOAL, text: 'Går i skole hver dag', status: 'achieved' }],
          interventionDispositions: [],
          status: 'proposed',
          proposedBy: user,
          proposedAt: '2026-09-01T10:00:00.000Z',
          decidedBy: null,
          decidedAt: null,
          decisionComment: null,
        },
      ],
    };
    const html = render(overview, testCaseDetail());
    expect(html).toContain('Godkend afslutning');
    expect(html).toContain('Send retur');
    expect(html).not.toContain('<h3>Indstil til afslutning</h3>');
    const asMember = render(
      overview,
      testCaseDetail({ access: { role: 'member', compartment: false } }),
    );
    expect(asMember).not.toContain('Godkend afslutning');
    expect(asMember).toContain('venter på en tovholders godkendelse');
  });

  it('tells the proposer under four-eyes who must approve, instead of offering the button', () => {
    const closure = {
      id: '77777777-7777-4777-8777-777777777778',
      outcome: 'handled' as const,
      transferredUnit: null,
      outcomeOther: null,
      reason: 'Skolegangen er stabil.',
      goalStatuses: [],
      interventionDispositions: [],
      status: 'proposed' as const,
      proposedBy: user,
      proposedAt: '2026-09-01T10:00:00.000Z',
      decidedBy: null,
      decidedAt: null,
      decisionComment: null,
    };
    const members = [
      { userId: user.id, displayName: user.name, role: 'coordinator' as const },
      {
        userId: '88888888-8888-4888-8888-888888888888',
        displayName: 'Bo Tovholder',
        role: 'coordinator' as const,
      },
      {
        userId: '99999999-9999-4999-8999-999999999999',
        displayName: 'Sif Sagsbehandler',
        role: 'member' as const,
      },
    ].map((m) => ({ ...m, scope: 'full' as const, unitName: null }));
    const html = render(
      { ...empty, closures: [closure], needsAnotherCoordinator: [closure.id] },
      testCaseDetail({ members }),
    );
    expect(html).not.toContain('Godkend afslutning');
    expect(html).toContain('kommunen kræver, at en anden tovholder godkender');
    expect(html).toContain('tovholdere om at godkende: Bo Tovholder.');
    expect(html).toContain('Send retur');
  });

  /** A Danish date `days` from today (YYYY-MM-DD). */
  const inDays = (days: number) =>
    new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(
      new Date(Date.now() + days * 86_400_000),
    );

  /** A re-review `months` after the closing, due on `dueOn` and not held yet. */
  const scheduledReview = (
    id: string,
    months: 6 | 12,
    dueOn: string,
  ): ClosureOverview['reviews'][number] => ({
    id,
    closureId: '77777777-7777-4777-8777-777777777777',
    months,
    dueOn,
    status: 'scheduled',
    heldOn: null,
    reason: null,
    noLongerAtRisk: null,
    inEducationOrWork: null,
    decidedBy: null,
    decidedAt: null,
    version: 1,
  });

  it('records a 6-month re-review with its yes/no question', () => {
    const overview: ClosureOverview = {
      ...empty,
      openInterventions: [],
      reviews: [scheduledReview('88888888-8888-4888-8888-888888888888', 6, inDays(5))],
    };
    const html = render(
      overview,
      testCaseDetail({ status: 'under_review', closedAt: '2026-09-01T10:00:00.000Z' }),
    );
    expect(html).toContain('Bekræft afslutningen');
    expect(html).toContain('Genåbn sagen');
    expect(html).toContain('Vurderes borgeren ikke længere at være i risiko?');
    expect(html).not.toContain('Er borgeren i uddannelse eller job?');
    expect(html).not.toContain('Indstil til afslutning</button>');
    // The one date field (dd.mm.åååå), never the browser's own picker; dkfds radio markup.
    expect(html).not.toContain('type="date"');
    expect(html).toMatch(/inputMode="numeric"|inputmode="numeric"/);
    expect(html).toContain('class="form-radio"');
  });

  it('shows a re-review not yet due as a date, not a form', () => {
    const review = scheduledReview('88888888-8888-4888-8888-888888888889', 12, inDays(200));
    const html = render(
      { ...empty, openInterventions: [], reviews: [review] },
      testCaseDetail({ status: 'closed', closedAt: '2026-09-01T10:00:00.000Z' }),
    );
    expect(html).toContain('Genvurderingen efter 12 måneder kan registreres fra');
    expect(html).not.toContain('Bekræft afslutningen');
  });

  it('names an entry that reveals the concern only with the compartment, else neutrally', () => {
    const entry = {
      id: '55555555-5555-4555-8555-555555555555',
      typeName: null,
      personName: 'Ali Hansen',
      status: 'active' as const,
    };
    const outside = render({ ...empty, openInterventions: [entry] }, testCaseDetail());
    expect(outside).toContain(
      'Indsats, der koordineres af forebyggelseskoordinatoren for Ali Hansen',
    );
    const inside = render(
      { ...empty, openInterventions: [{ ...entry, concernTypeName: 'Exitprogram' }] },
      testCaseDetail(),
    );
    expect(inside).toContain('Exitprogram for Ali Hansen');
  });
});
