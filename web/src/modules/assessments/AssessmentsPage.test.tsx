import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { AssessmentsPage as Page } from './AssessmentsPage';
import type { Assessment, AssessmentList } from './assessmentsApi';

/**
 * The assessment tab rendered to markup (no DOM here): a writer gets the form with both lenses
 * per dimension and the buttons; a reader without the compartment gets no edit buttons and the
 * neutral note where compartment fields are; the comparison marks changed fields in words.
 */
// The icon sprite is an asset of the browser build.

let AssessmentsPage: typeof Page;

beforeAll(async () => {
  ({ AssessmentsPage } = await importWithI18n(() => import('./AssessmentsPage')));
});

const CASE_ID = TEST_CASE_ID;
const user = { id: '22222222-2222-4222-8222-222222222222', name: 'Tove Tovholder' };

function assessment(overrides: Partial<Assessment> & Pick<Assessment, 'id' | 'number'>) {
  const dimensions = Object.fromEntries(
    [
      'convictions_rhetoric',
      'personality',
      'violence',
      'mental_vulnerability',
      'criminal_history',
      'family',
      'socialisation_relationships',
      'network_leisure',
      'education_employment',
    ].map((d) => [d, { risk: null, wellbeing: null }]),
  ) as Assessment['dimensions'];
  return {
    status: 'final',
    basedOnId: null,
    version: 1,
    dimensions,
    riskFactors: [],
    protectiveFactors: [],
    resources: null,
    citizenPerspective: null,
    aboutChild: false,
    childView: null,
    childInvolvement: null,
    sources: null,
    overallJudgement: 'Hemmelig-samlet-vurdering',
    concernLevel: 'moderate',
    recommendedInterventions: null,
    interventionTargets: null,
    followUpIntervalDays: 30,
    createdBy: user,
    createdAt: '2026-03-01T10:00:00.000Z',
    updatedAt: '2026-03-01T10:00:00.000Z',
    finalisedBy: user,
    finalisedAt: '2026-03-02T10:00:00.000Z',
    ...overrides,
  } satisfies Assessment;
}

function render(list: AssessmentList, caseDetail: CaseDetail): string {
  return renderWithQuery(
    <AssessmentsPage detail={caseDetail} />,
    ['cases', 'assessments', CASE_ID],
    list,
  );
}

const first = assessment({
  id: '33333333-3333-4333-8333-333333333331',
  number: 1,
  status: 'superseded',
  protectiveFactors: ['Fritidsjob'],
});
const second = assessment({
  id: '33333333-3333-4333-8333-333333333332',
  number: 2,
  basedOnId: first.id,
  protectiveFactors: ['Fritidsjob', 'Mentor'],
  concernLevel: 'high',
});
const draft = assessment({
  id: '33333333-3333-4333-8333-333333333333',
  number: 3,
  status: 'draft',
  basedOnId: second.id,
  finalisedBy: null,
  finalisedAt: null,
});

describe('AssessmentsPage', () => {
  it('gives a writer the draft form with both lenses per dimension and the buttons', () => {
    const html = render({ id: CASE_ID, items: [draft, second, first] }, testCaseDetail());
    expect(html).toContain('Kladde til udredning nr. 3');
    expect(html.match(/Risiko og trussel<\/label>/g)).toHaveLength(9);
    expect(html.match(/Trivsel og modstandskraft<\/label>/g)).toHaveLength(9);
    expect(html).toContain('Gem kladde');
    expect(html).toContain('Afslut udredning');
    expect(html).toContain('stopekstremisme.dk');
    expect(html).toContain('beregner aldrig');
  });

  it('marks changed fields in words in the comparison', () => {
    const html = render({ id: CASE_ID, items: [second, first] }, testCaseDetail());
    expect(html).toContain('Hvad er ændret siden sidste udredning');
    // Protective factors and the concern level changed.
    expect(html.match(/>Ændret</g)).toHaveLength(2);
    expect(html).toContain('Start ny udredning');
    expect(html).toContain('Hemmelig-samlet-vurdering');
  });

  it('shows a reader without the compartment no edit buttons and a neutral note', () => {
    const { overallJudgement: _j, riskFactors: _r, ...plain } = second;
    const hidden = {
      ...plain,
      dimensions: Object.fromEntries(
        Object.entries(second.dimensions).map(([d, v]) => [d, { wellbeing: v.wellbeing }]),
      ),
    } as Assessment;
    const html = render(
      { id: CASE_ID, items: [hidden] },
      testCaseDetail({ access: { role: 'member', compartment: false } }),
    );
    expect(html).not.toContain('Gem kladde');
    expect(html).not.toContain('Start ny udredning');
    expect(html).toContain('Kun sagens tovholdere og forummedlemmer kan se dette felt.');
    expect(html).not.toContain('Hemmelig-samlet-vurdering');
  });

  it("asks for a child's own view and involvement in a child's draft, with the hint", () => {
    const html = render(
      { id: CASE_ID, items: [{ ...draft, aboutChild: true }, second, first] },
      testCaseDetail(),
    );
    expect(html).toContain('Barnets egne synspunkter</label>');
    expect(html).toContain('Hvordan barnet er inddraget</label>');
    expect(html).toContain('samtale med bisidder');
  });

  it("leaves the child's fields out of an adult's draft and assessment", () => {
    const html = render({ id: CASE_ID, items: [draft, second, first] }, testCaseDetail());
    expect(html).toContain('Borgerens eget perspektiv</label>');
    expect(html).not.toContain('Barnets egne synspunkter');
    expect(html).not.toContain('Hvordan barnet er inddraget');
  });

  it("shows a child's final assessment with the child's own view", () => {
    const child = { ...second, aboutChild: true, childView: 'Vil gerne blive i klassen' };
    const html = render({ id: CASE_ID, items: [child, first] }, testCaseDetail());
    expect(html).toContain('Barnets egne synspunkter');
    expect(html).toContain('Vil gerne blive i klassen');
  });
});
