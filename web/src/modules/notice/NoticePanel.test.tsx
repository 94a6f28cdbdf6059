import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseDetail } from '../cases/casesApi';
import type { NoticePanel as NoticePanelComponent } from './NoticePanel';
import type { NoticeList, noticesKey as noticesKeyFn } from './noticeApi';

/**
 * "Oplysning til borgeren" rendered to markup: who must be told with a letter for each, the form
 * for those who may write the case, the notices recorded; nothing for a mentor.
 */
let NoticePanel: typeof NoticePanelComponent;
let noticesKey: typeof noticesKeyFn;

beforeAll(async () => {
  ({ NoticePanel } = await importWithI18n(() => import('./NoticePanel')));
  ({ noticesKey } = await importWithI18n(() => import('./noticeApi')));
});

const CHILD = '11111111-1111-4111-8111-111111111111';
const MOTHER = '33333333-3333-4333-8333-333333333333';
const list: NoticeList = {
  done: true,
  openedOn: '2026-11-20',
  dueOn: '2026-12-04',
  recipients: [
    { personId: CHILD, name: 'Noah Brevsen', role: 'citizen', custodyHolder: false, told: false },
    { personId: MOTHER, name: 'Mette Brevsen', role: 'parent', custodyHolder: true, told: true },
  ],
  items: [
    {
      id: '12121212-1212-4121-8121-121212121212',
      outcome: 'exempted',
      person: null,
      method: null,
      givenOn: '2026-11-22',
      exemption: 'police_request',
      reason: 'Politiet har bedt om at vente.',
      recordedBy: { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' },
      recordedAt: '2026-11-22T09:00:00.000Z',
    },
  ],
};

const render = (detail: CaseDetail) =>
  renderWithQuery(<NoticePanel detail={detail} />, noticesKey(TEST_CASE_ID), list);

describe('NoticePanel', () => {
  it('lists who must be told with a letter each, the form and the exemption recorded, in Danish', () => {
    const html = render(testCaseDetail());
    expect(html).toContain('Oplysning til borgeren');
    expect(html).toContain('Mette Brevsen (har forældremyndigheden)');
    expect(html).toContain(
      `href="/api/cases/${TEST_CASE_ID}/notice-letter.pdf?personId=${MOTHER}"`,
    );
    expect(html).toContain('Registrér oplysning eller undtagelse');
    expect(html).toContain('databeskyttelsesloven § 22, stk. 2');
    expect(html).toContain('Politiet har bedt om at vente.');
    expect(html).toContain('Oplysningspligten er registreret.');
  });

  it('shows nothing to a member with one intervention only', () => {
    expect(render(testCaseDetail({ access: { role: 'member', scope: 'intervention' } }))).toBe('');
  });
});
