import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type {
  CorrectFilingForm as CorrectFilingFormComponent,
  WithdrawFilingForm as WithdrawFilingFormComponent,
} from './FilingChangeForms';
import type { Filing } from './filingApi';

/**
 * Correcting and withdrawing a filing, rendered to markup (no DOM here): each its own fields,
 * reason and buttons in its own words, on the one form layer (a form of its own per filing).
 */
let CorrectFilingForm: typeof CorrectFilingFormComponent;
let WithdrawFilingForm: typeof WithdrawFilingFormComponent;

beforeAll(async () => {
  ({ CorrectFilingForm, WithdrawFilingForm } = await importWithI18n(
    () => import('./FilingChangeForms'),
  ));
});

const filing: Filing = {
  id: '12121212-1212-4121-8121-121212121212',
  document: 'case-summary',
  documentVersion: '2026-12-01',
  documentDate: '2026-12-01',
  journalNumber: '00.00.00-G01-7-26',
  recordSystem: 'ESDH',
  kleCode: '00.00.00',
  filedOn: '2026-12-02',
  filedBy: { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' },
  recordedAt: '2026-12-02T09:00:00.000Z',
  correctedAt: null,
  withdrawn: null,
  version: 1,
};

const props = {
  caseId: '11111111-1111-4111-8111-111111111111',
  filing,
  onDone: () => undefined,
  onCancel: () => undefined,
};

describe('the changes of a recorded filing', () => {
  it('corrects the journal number and day (shown as dd.mm.åååå) with a reason', () => {
    const html = renderWithQuery(<CorrectFilingForm {...props} />, ['unused'], null);
    expect(html).toContain(`id="filing-correct-${filing.id}"`);
    expect(html).toContain('Journalnummer');
    expect(html).toContain('value="00.00.00-G01-7-26"');
    expect(html).toContain('value="02.12.2026"');
    expect(html).toContain('Begrundelse for rettelsen');
    expect(html).toContain('Gem rettelse');
    expect(html).toContain('Annullér');
  });

  it('withdraws with an explanation and a reason, and asks for no journal number', () => {
    const html = renderWithQuery(<WithdrawFilingForm {...props} />, ['unused'], null);
    expect(html).toContain(`id="filing-withdraw-${filing.id}"`);
    expect(html).toContain('registreret ved en fejl');
    expect(html).toContain('Begrundelse for tilbagetrækningen');
    expect(html).toContain('Træk journaliseringen tilbage');
    expect(html).not.toContain('Journalnummer');
  });
});
