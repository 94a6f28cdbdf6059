import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { HistoryPanel as Panel } from './HistoryPanel';
import type { InquiryDetail, InquiryHistory } from './inquiriesApi';

/**
 * The inquiry's chronology in words (rendered to markup, no DOM): the steps of a report about a
 * child read in Danish, and an acknowledgement sent by e-mail says so — never the address.
 */
let HistoryPanel: typeof Panel;

beforeAll(async () => {
  ({ HistoryPanel } = await importWithI18n(() => import('./HistoryPanel')));
}, 60_000);

const ID = '11111111-1111-4111-8111-111111111111';

function render(events: NonNullable<InquiryHistory['events']>): string {
  const detail = {
    id: ID,
    reference: 'H-2026-0001',
    abilities: { edit: false },
  } as InquiryDetail;
  return renderWithQuery(<HistoryPanel detail={detail} />, ['inquiries', 'history', ID], {
    id: ID,
    events,
  });
}

const event = (id: number, kind: string, changes: Record<string, unknown>) => ({
  id,
  occurredAt: `2026-03-05T1${id}:00:00.000Z`,
  actorName: 'Tove Tovholder',
  kind,
  changes,
});

describe('HistoryPanel', () => {
  it('names the steps of a report about a child in Danish, and an e-mailed acknowledgement as such', () => {
    const html = render([
      event(1, 'child_report_marked', { childReport: { from: false, to: true } }),
      event(2, 'immediate_help_assessed', { immediateHelpNeeded: false }),
      event(3, 'child_report_acknowledged', { emailed: true }),
    ]);
    expect(html).toContain('Markeret som underretning efter Barnets lov');
    expect(html).toContain('Underretning efter Barnets lov:</strong> Nej → Ja');
    expect(html).toContain('Akut behov vurderet');
    expect(html).toContain('Kvittering sendt til fagpersonen');
    expect(html).toContain('Sendt som e-mail');
    expect(html).not.toMatch(/child_report|immediate_help/);
  });

  it('says nothing about e-mail for an acknowledgement recorded to be printed', () => {
    const html = render([event(1, 'child_report_acknowledged', {})]);
    expect(html).toContain('Kvittering sendt til fagpersonen');
    expect(html).not.toContain('Sendt som e-mail');
  });
});
