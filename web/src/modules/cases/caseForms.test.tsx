import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { CaseStatusPanel as StatusPanel } from './CaseStatusPanel';
import type { CaseCompartment as Compartment } from './CaseCompartment';
import type { ClassificationForm as Classification } from './ClassificationForm';
import type { NoteForm as Note } from './NoteForm';
import { TEST_CASE_ID, testCaseDetail } from './testCaseDetail';

/** The case's forms rendered to markup: the one form layer's dkfds fields, abilities only. */

let NoteForm: typeof Note;
let ClassificationForm: typeof Classification;
let CaseStatusPanel: typeof StatusPanel;
let CaseCompartment: typeof Compartment;

beforeAll(async () => {
  ({ NoteForm } = await importWithI18n(() => import('./NoteForm')));
  ({ ClassificationForm } = await import('./ClassificationForm'));
  ({ CaseStatusPanel } = await import('./CaseStatusPanel'));
  ({ CaseCompartment } = await import('./CaseCompartment'));
});

function render(node: ReactNode, client = new QueryClient()): string {
  return renderToStaticMarkup(
    <QueryClientProvider client={client}>
      <MemoryRouter>{node}</MemoryRouter>
    </QueryClientProvider>,
  );
}

describe('the note form', () => {
  it('shows the confidential box in dkfds checkbox markup (the label right after the box)', () => {
    const html = render(<NoteForm detail={testCaseDetail()} />);
    expect(html).toContain('class="form-group-checkbox"');
    expect(html).toMatch(
      /<input id="([^"]+)"[^>]*type="checkbox" class="form-checkbox"[^>]*\/><label class="form-label" for="\1">Fortroligt notat/,
    );
    expect(html).toContain('Nyt notat');
    expect(html).toMatch(/<form[^>]*noValidate/);
  });

  it('offers no confidential box without the right to write the compartment', () => {
    const html = render(<NoteForm detail={testCaseDetail({ access: { compartment: false } })} />);
    expect(html).toContain('Nyt notat');
    expect(html).not.toContain('form-checkbox');
  });
});

/** A classified case: some lists chosen, some not given. */
const CLASSIFIED = {
  extremismForm: 'right_wing',
  extremismFormOther: null,
  ageGroup: 'adult',
  authorityArea: null,
  primaryConcern: true,
  subjectKind: null,
  environment: 'online',
} as const;

describe('the classification form', () => {
  it('holds the classification as it is, every list from the shared values', () => {
    const detail = testCaseDetail(CLASSIFIED);
    const html = render(
      <ClassificationForm detail={detail} onSaved={() => undefined} onCancel={() => undefined} />,
    );
    expect(html.match(/class="form-radio"/g)).toHaveLength(4 + 3);
    expect(html).toMatch(/checked="" value="right_wing"/);
    expect(html).toMatch(/<option value="adult" selected="">/);
    expect(html).toMatch(/<option value="online" selected="">/);
    expect(html).toMatch(/checked="" value="yes"/);
    expect(html).not.toContain('type="date"');
  });
});

describe('the compartment', () => {
  it('names each coded value from its list, and "not given" for one without a value', () => {
    const detail = testCaseDetail({ ...CLASSIFIED, environment: null, concernSummary: null });
    const html = render(<CaseCompartment detail={detail} />);
    expect(html).toContain('<dt>Ekstremismeform</dt><dd>Højreekstremisme</dd>');
    expect(html).toContain('<dt>Aldersgruppe</dt><dd>18 år eller derover</dd>');
    expect(html).toContain('<dt>Miljø</dt><dd>Ikke angivet</dd>');
    expect(html.match(/<dt>/g)).toHaveLength(7);
  });

  it('shows only the neutral marker without the compartment', () => {
    const html = render(<CaseCompartment detail={testCaseDetail()} />);
    expect(html).toContain('Sagen koordineres af');
    expect(html).not.toContain('<dt>');
  });
});

describe('the status form', () => {
  it('puts an active case on hold with a reason and a dd.mm.åååå date, not the browser picker', () => {
    const html = render(<CaseStatusPanel detail={testCaseDetail()} />);
    expect(html).toContain('I bero til (valgfrit)');
    expect(html).not.toContain('type="date"');
  });

  it('resumes with a reason and a choice for each waiting intervention; running ones are named', () => {
    const client = new QueryClient();
    const intervention = (id: string, status: string, name: string) => ({
      id,
      status,
      type: { name, legalBasis: null, concern: null },
      person: { name: 'Sara Hansen' },
    });
    client.setQueryData(['cases', 'interventions', TEST_CASE_ID], {
      interventions: [
        intervention('a1', 'paused', 'Mentorforløb'),
        intervention('a2', 'planned', 'Forældrecoachforløb'),
        intervention('a3', 'active', 'Netværksmøder'),
        intervention('a4', 'ended', 'Psykologsamtaler'),
      ],
    });
    const html = render(
      <CaseStatusPanel detail={testCaseDetail({ status: 'on_hold', onHoldReason: 'Rejst' })} />,
      client,
    );
    expect(html).toContain('Begrundelse for genoptagelse');
    expect(html).toContain('Mentorforløb for Sara Hansen (På pause)');
    expect(html).toContain('Genoptag indsatsen');
    expect(html).toContain('Forældrecoachforløb for Sara Hansen (Planlagt)');
    expect(html).toContain('Start indsatsen nu');
    expect(html.match(/checked="" value="keep"/g)).toHaveLength(2);
    expect(html).toMatch(/fortsætter uændret[^]*<li>Netværksmøder for Sara Hansen<\/li>/);
    expect(html).not.toContain('Psykologsamtaler');
    expect(html).toContain('Genoptag sagen');
  });

  it('is not offered without the right to write the case', () => {
    const html = render(
      <CaseStatusPanel
        detail={testCaseDetail({ access: { role: 'member', compartment: false } })}
      />,
    );
    expect(html).not.toContain('I bero til (valgfrit)');
  });
});
