import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { FollowUpsPage as Page } from './FollowUpsPage';
import type { FollowUpItem, FollowUpList } from './followUpsApi';

/**
 * The follow-up tab rendered to markup: the upcoming table with the overdue marker in words, the
 * scheduling form for writers only, the history with the concern change as text, and the
 * concern-level and competence charts (recharts) with the same dates and numbers in tables.
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
  concernSeries: [
    { on: '2025-12-15', level: 'low', source: 'assessment' },
    { on: '2026-01-10', level: 'moderate', source: 'follow_up' },
    { on: '2026-02-10', level: 'high', source: 'follow_up' },
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

  it('charts the competences with recharts, hidden from screen readers, and gives a table', () => {
    const html = render();
    // One chart per rated competence (network, focus), each hidden next to the table.
    expect(html.match(/<li class="follow-up-chart">/g)).toHaveLength(2);
    expect(html).toMatch(/<div aria-hidden="true" class="dated-chart"><div[^>]*recharts-wrapper/);
    expect(html).not.toContain('follow-up-svg');
    expect(html).toContain('<caption>Livskompetencer ved hver opfølgning</caption>');
    expect(html).toContain('<th scope="col">10.01.2026</th><th scope="col">10.02.2026</th>');
    expect(html).toMatch(/<th scope="row">Netværk<\/th><td>2<\/td><td>3<\/td>/);
    expect(html).toMatch(/<th scope="row">Fokus<\/th><td>–<\/td><td>1<\/td>/);
  });

  it('charts the concern level over time next to it, with a dated table in Danish', () => {
    const html = render();
    expect(html).toContain('<div class="follow-up-trends">');
    expect(html.match(/class="dated-chart"/g)).toHaveLength(3);
    expect(html).toContain(
      '<caption>Bekymringsniveauet ved hver vurdering og opfølgning</caption>',
    );
    expect(html).toContain(
      '<tr><th scope="row">15.12.2025</th><td>Lav bekymring</td><td>Vurdering</td></tr>' +
        '<tr><th scope="row">10.01.2026</th><td>Moderat bekymring</td><td>Opfølgning</td></tr>' +
        '<tr><th scope="row">10.02.2026</th><td>Høj bekymring</td><td>Opfølgning</td></tr>',
    );
  });

  it('says so when no concern level has been judged yet', () => {
    const detail = testCaseDetail();
    const html = renderWithQuery(
      <FollowUpsPage detail={detail} />,
      ['cases', 'followUps', CASE_ID],
      { ...list, concernSeries: [] },
    );
    expect(html).toContain('Der er endnu ikke vurderet et bekymringsniveau');
    expect(html.match(/class="dated-chart"/g)).toHaveLength(2);
  });

  it('gives a break-the-glass reader no forms', () => {
    const html = render({ role: null, breakGlass: true });
    expect(html).not.toContain('Planlæg opfølgning');
    expect(html).not.toContain('Registrér opfølgning');
    expect(html).toContain('Overskredet');
  });
});
