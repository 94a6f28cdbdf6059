import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseDetail } from '../cases/casesApi';
import type { TransferPanel as TransferPanelComponent } from './TransferPanel';
import type { TransferList } from './transfersApi';

/**
 * "Overførsel til anden kommune" rendered to markup: the case's transfers and "Overfør sagen" for
 * its coordinator (from the abilities alone), nothing for a member who is not the coordinator.
 */
let TransferPanel: typeof TransferPanelComponent;
let key: readonly unknown[];

beforeAll(async () => {
  ({ TransferPanel } = await importWithI18n(() => import('./TransferPanel')));
  const api = await importWithI18n(() => import('./transfersApi'));
  key = [...api.TRANSFERS_KEY, 'case', TEST_CASE_ID];
});

const list: TransferList = {
  items: [
    {
      id: '12121212-1212-4121-8121-121212121212',
      status: 'declined',
      from: { code: '101', name: 'København' },
      to: { code: '147', name: 'Frederiksberg' },
      reason: 'Borgeren flytter til Frederiksberg.',
      legalBasis: 'Forvaltningsloven § 28, stk. 2 (Værdispringsreglen)',
      parts: ['identity', 'work_summary'],
      proposedAt: '2026-11-22T09:00:00.000Z',
      decidedAt: '2026-11-23T09:00:00.000Z',
      declineReason: 'Borgeren er ikke tilflyttet.',
      receivedCaseId: null,
      version: 2,
    },
  ],
};

const render = (detail: CaseDetail) =>
  renderWithQuery(<TransferPanel detail={detail} />, key, list);

describe('TransferPanel', () => {
  it('shows the transfers and "Overfør sagen" to the case’s coordinator, in Danish', () => {
    const html = render(testCaseDetail());
    expect(html).toContain('Overførsel til anden kommune');
    expect(html).toContain('Frederiksberg');
    expect(html).toContain('Afvist');
    expect(html).toContain('Borgeren er ikke tilflyttet.');
    expect(html).toContain('Overfør sagen');
  });

  it('shows nothing to a member who is not the coordinator', () => {
    expect(render(testCaseDetail({ access: { role: 'member', scope: 'full' } }))).toBe('');
  });
});
