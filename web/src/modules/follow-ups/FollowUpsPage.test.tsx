import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { FollowUpsPage as Page } from './FollowUpsPage';
import type { FollowUpItem, FollowUpList } from './followUpsApi';

/**
 * The follow-up tab rendered to markup: the upcoming table with the overdue marker in words, the
 * scheduling form for writers only, the history with the concern change as text, and the
 * competence chart with the same numbers in a table.
 */

let FollowUpsPage: typeof Page;

beforeAll(async () => {
  ({ FollowUpsPage } = await importWithI18n(() => import('./FollowUpsPage')));
});

const CASE_ID = TEST_CASE_ID;
const GOAL = '44444444-4444-4444-8444-444444444444';

function item(overrides: Partial<FollowUpItem> & Pick<FollowUpItem, 'id'>): FollowUpItem {
  return {
    planId: null,
    dueOn: '2026-03-01',
    status: 'scheduled',
    overdue: false,
    heldOn: null,
    concernLevel: null,
    concernChange: null,
    summary: null,
    goalProgress: [],
    competences: null,
    recordedBy: null,
    recordedAt: null,
    backdateReason: null,
    backdateNote: null,
    version: 1,
    ...overrides,
  };
}

const list: FollowUpList = {
  concernLevel: 'high',
  goals: [{ key: GOAL, parentKey: null, text: 'Fastholdes i skolen', status: 'in_progress' }],
  items: [
    item({
      id: '33333333-3333-4333-8333-333333333331',
      status: 'done',
      dueOn: '2026-01-10',
      heldOn: '2026-01-10',
      concernLevel: 'moderate',
      competences: { network: 2 },
      recordedBy: { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' },
      recordedAt: '2026-01-10T12:00:00.000Z',
    }),
    item({
      id: '33333333-3333-4333-8333-333333333332',
      status: 'done',
      dueOn: '2026-02-10',
      heldOn: '2026-02-10',
      concernLevel: 'high',
      concernChange: 'up',
      goalProgress: [{ goalKey: GOAL, status: 'achieved', note: null }],
      competences: { network: 3, focus: 1 },
    }),
    item({ id: '33333333-3333-4333-8333-333333333333', dueOn: '2026-03-01', overdue: true }),
  ],
  competenceSeries: [
    { heldOn: '2026-01-10', ratings: { network: 2 } },
    { heldOn: '2026-02-10', ratings: { network: 3, focus: 1 } },
  ],
};

function render(access: Partial<CaseDetail['access']> = {}): string {
  const detail = testCaseDetail({ access });
  return renderWithQuery(<FollowUpsPage detail={detail} />, ['cases', 'followUps', CASE_ID], list);
}

describe('FollowUpsPage', () => {
  it('lists the upcoming follow-ups with the overdue marker in words, and the forms for writers', () => {
    const html = render();
    expect(html).toContain('Kommende og overskredne opfølgninger');
    expect(html).toContain('Overskredet');
    expect(html).toContain('Registrér opfølgning');
    expect(html).toContain('Planlæg opfølgning');
    expect(html).toContain('Aktuelt bekymringsniveau:</strong> Høj bekymring');
    expect(html).not.toContain('type="date"');
    expect(html).toContain('dd.mm.åååå');
  });

  it('shows the history with the concern change as text and the goals by name', () => {
    const html = render();
    expect(html).toContain('Afholdte opfølgninger');
    expect(html).toMatch(/aria-hidden="true"[^>]*>↑<\/span> Op/);
    expect(html).toContain('Første vurdering');
    expect(html).toContain('Fastholdes i skolen: Opnået');
    expect(html).toContain('Bekymringsniveauet over tid');
  });

  it('shows a follow-up held before the case was registered with both dates and the reason', () => {
    const backdated: FollowUpList = {
      ...list,
      items: [
        item({
          id: '33333333-3333-4333-8333-333333333334',
          status: 'done',
          dueOn: '2026-03-13',
          heldOn: '2026-03-13',
          concernLevel: 'moderate',
          recordedAt: '2026-03-20T09:00:00.000Z',
          backdateReason: 'registered_late',
        }),
      ],
    };
    const html = renderWithQuery(
      <FollowUpsPage detail={testCaseDetail()} />,
      ['cases', 'followUps', CASE_ID],
      backdated,
    );
    expect(html).toContain('13. marts 2026 (registreret 20. marts 2026, registreret for sent)');
  });

  it('draws the competences as SVG and gives the same numbers in a table', () => {
    const html = render();
    expect(html).toContain('<svg');
    expect(html.match(/<circle/g)).toHaveLength(3);
    expect(html).toContain('<caption>Livskompetencer ved hver opfølgning</caption>');
    expect(html).toMatch(/<th scope="row">Netværk<\/th><td>2<\/td><td>3<\/td>/);
    expect(html).toMatch(/<th scope="row">Fokus<\/th><td>–<\/td><td>1<\/td>/);
  });

  it('gives a break-the-glass reader no forms', () => {
    const html = render({ role: null, breakGlass: true });
    expect(html).not.toContain('Planlæg opfølgning');
    expect(html).not.toContain('Registrér opfølgning');
    expect(html).toContain('Overskredet');
  });
});
