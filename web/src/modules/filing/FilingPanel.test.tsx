import { beforeAll, describe, expect, it } from 'vitest';
import {
  filingSettingsProblems,
  isJournalNumber,
} from '../../../../server/modules/filing/rules.ts';
import { DEFAULT_SETTINGS } from '../../../../server/modules/inquiries/settings.ts';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { CaseDetail } from '../cases/casesApi';
import type {
  CorrectFilingForm as CorrectFilingFormComponent,
  WithdrawFilingForm as WithdrawFilingFormComponent,
} from './FilingChangeForms';
import type { FilingPanel as FilingPanelComponent } from './FilingPanel';
import type { FilingSettingsForm as FilingSettingsFormComponent } from './FilingSettingsForm';
import type { FilingList, filingsKey as filingsKeyFn } from './filingApi';

/**
 * "Journalisering" rendered to markup (no DOM here): the export of each document the caller may
 * read, the form that records a filing for those who may, the filings with their journal
 * numbers; nothing for a member who may not read the documents; the settings' fields with KLE
 * named as the source; correcting and withdrawing a filing, each in its own words; and the
 * formats the forms check with the server's own rules.
 */
let FilingPanel: typeof FilingPanelComponent;
let FilingSettingsForm: typeof FilingSettingsFormComponent;
let CorrectFilingForm: typeof CorrectFilingFormComponent;
let WithdrawFilingForm: typeof WithdrawFilingFormComponent;
let filingsKey: typeof filingsKeyFn;

beforeAll(async () => {
  ({ FilingPanel } = await importWithI18n(() => import('./FilingPanel')));
  ({ FilingSettingsForm } = await importWithI18n(() => import('./FilingSettingsForm')));
  ({ CorrectFilingForm, WithdrawFilingForm } = await importWithI18n(
    () => import('./FilingChangeForms'),
  ));
  ({ filingsKey } = await importWithI18n(() => import('./filingApi')));
});

const list: FilingList = {
  documents: [
    { kind: 'case-summary', version: '2026-12-05', date: '2026-12-05', planId: null },
    {
      kind: 'plan',
      version: '2',
      date: '2026-11-20',
      planId: '14141414-1414-4141-8141-141414141414',
    },
    {
      kind: 'plan',
      version: '1',
      date: '2026-10-01',
      planId: '15151515-1515-4151-8151-151515151515',
    },
  ],
  recordSystem: 'ESDH',
  kleCode: '00.00.00',
  items: [
    {
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
      version: 1,
      correctedAt: null,
      withdrawn: null,
    },
    {
      id: '13131313-1313-4131-8131-131313131313',
      document: 'plan',
      documentVersion: '1',
      documentDate: '2026-11-01',
      journalNumber: 'SAG 12/3456',
      recordSystem: 'ESDH',
      kleCode: '00.00.00',
      filedOn: '2026-11-02',
      filedBy: { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' },
      recordedAt: '2026-11-02T09:00:00.000Z',
      version: 2,
      correctedAt: null,
      withdrawn: {
        at: '2026-11-03T09:00:00.000Z',
        by: { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' },
        reason: 'Registreret på den forkerte sag',
      },
    },
  ],
  nextCursor: null,
};

const render = (detail: CaseDetail, data: FilingList = list) =>
  renderWithQuery(<FilingPanel detail={detail} />, filingsKey(TEST_CASE_ID), {
    pages: [data],
    pageParams: [null],
  });

describe('FilingPanel', () => {
  it('offers the filing export of each document, the record form and the filings so far', () => {
    const html = render(testCaseDetail({ status: 'closed' }));
    expect(html).toContain('<h3');
    expect(html).toContain('Journalisering');
    expect(html).toContain('journaliseres i ESDH under KLE-emne 00.00.00');
    expect(html).toContain(`href="/api/cases/${TEST_CASE_ID}/filing-export?document=case-summary"`);
    // Each plan version has its own export, named by its id; the record form offers each.
    expect(html).toContain(
      `href="/api/cases/${TEST_CASE_ID}/filing-export?document=plan&amp;planId=14141414-1414-4141-8141-141414141414"`,
    );
    expect(html).toContain(
      `href="/api/cases/${TEST_CASE_ID}/filing-export?document=plan&amp;planId=15151515-1515-4151-8151-151515151515"`,
    );
    expect(html).toContain('download="journalisering-S-2026-000001-plan-v2.json"');
    expect(html).toContain('Hent journaliseringsfil: Handleplan, version 1');
    expect(html).toContain('value="plan:1"');
    expect(html).toContain('value="case-summary:2026-12-05"');
    expect(html).toContain('Hent journaliseringsfil: Sagsresumé af 05.12.2026');
    expect(html).toContain('Hent journaliseringsfil: Handleplan, version 2');
    expect(html).toContain('Registrér journalisering');
    expect(html).toContain('Journalnummer');
    expect(html).toContain('Journaliseret den');
    expect(html).toContain('00.00.00-G01-7-26 (ESDH)');
    expect(html).toContain('Tove Tovholder');
    expect(html).toContain('2 journaliserede dokumenter.');
  });

  it('offers correcting a filing to writers and withdrawing it to coordinators; a withdrawn one is marked, with its reason, and offers neither', () => {
    const html = render(testCaseDetail({ status: 'closed' }));
    expect(html).toContain('Handlinger');
    expect(html).toContain('aria-label="Ret journaliseringen af Sagsresumé af 01.12.2026"');
    expect(html).toContain(
      'aria-label="Træk journaliseringen af Sagsresumé af 01.12.2026 tilbage"',
    );
    expect(html).toContain('Trukket tilbage af Tove Tovholder');
    expect(html).toContain('Registreret på den forkerte sag');
    expect(html).not.toContain('aria-label="Ret journaliseringen af Handleplan, version 1"');
    const caseworker = render(testCaseDetail({ access: { role: 'member' } }));
    expect(caseworker).toContain('aria-label="Ret journaliseringen af Sagsresumé af 01.12.2026"');
    expect(caseworker).not.toContain('Træk journaliseringen af');
  });

  it('says when the municipality has chosen no KLE subject, and lists nothing filed', () => {
    const html = render(testCaseDetail(), { ...list, kleCode: null, items: [] });
    expect(html).toContain('Kommunen har endnu ikke valgt et KLE-emne');
    expect(html).toContain('Ingen af sagens dokumenter er registreret som journaliseret endnu.');
    expect(html).not.toContain('Handlinger');
  });

  it('shows nothing to a member with one intervention only, and no form to a break-the-glass reader', () => {
    const mentor = render(testCaseDetail({ access: { role: 'member', scope: 'intervention' } }));
    expect(mentor).toBe('');
    const reader = render(
      testCaseDetail({ access: { role: null, breakGlass: true, compartment: true } }),
    );
    expect(reader).toContain('Hent journaliseringsfil');
    expect(reader).not.toContain('Registrér journalisering</button>');
  });
});

describe('FilingSettingsForm', () => {
  it('asks for the KLE number with KLE named as its source, the record system and the CPR choice', () => {
    const html = renderWithQuery(
      <FilingSettingsForm
        settings={{
          ...DEFAULT_SETTINGS,
          filingKleCode: '00.00.00',
          recordSystemName: 'ESDH',
          version: 3,
        }}
        onSaved={() => undefined}
        reload={() => Promise.resolve()}
      />,
      ['unused'],
      null,
    );
    expect(html).toContain('KLE-emnenummer');
    expect(html).toContain('Kommunernes Landsforenings emnesystematik');
    expect(html).toContain('value="00.00.00"');
    expect(html).toContain('value="ESDH"');
    expect(html).toContain('Tag parternes CPR-numre med i journaliseringsfilen');
  });
});

describe('the changes of a recorded filing', () => {
  const filing = list.items[0]!;
  const props = {
    caseId: TEST_CASE_ID,
    filing,
    onDone: () => undefined,
    onCancel: () => undefined,
  };

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

describe('the formats the forms check (the server’s rules)', () => {
  it('accepts journal numbers as record systems write them and refuses others', () => {
    for (const ok of ['00.00.00-G01-1-26', '2026-004711', 'SAG 12/3456', 'Æ1']) {
      expect(isJournalNumber(ok), ok).toBe(true);
    }
    for (const bad of ['!!', '-12', '12-', 'A  B', '12;3']) {
      expect(isJournalNumber(bad), bad).toBe(false);
    }
  });

  it('names the KLE number and facet in another form', () => {
    expect(filingSettingsProblems({ filingKleCode: '27.24.00', filingKleFacet: 'G01' })).toEqual(
      [],
    );
    expect(filingSettingsProblems({ filingKleCode: '27.24', filingKleFacet: 'g1' })).toEqual([
      { field: 'filingKleCode', code: 'kle_code_format' },
      { field: 'filingKleFacet', code: 'kle_facet_format' },
    ]);
    expect(filingSettingsProblems({ filingKleCode: null })).toEqual([]);
  });
});
