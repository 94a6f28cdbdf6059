import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseDetail } from '../cases/casesApi';
import { TEST_CASE_ID, testCaseDetail } from '../cases/testCaseDetail';
import type { PlanPage as PlanPageComponent } from './PlanPage';
import type { PlanList } from './plansApi';
import { TEST_USER, testPlan } from './testPlan';

/**
 * The action plan tab rendered to markup (no DOM here): the approved plan with goals nested
 * under their parent goal, the draft's form with the buttons each role may use, the steering
 * group's meeting date when the municipality uses it, and the PDF link.
 */

let PlanPage: typeof PlanPageComponent;

beforeAll(async () => {
  ({ PlanPage } = await importWithI18n(() => import('./PlanPage')));
});

const CASE_ID = TEST_CASE_ID;
const user = TEST_USER;
const approved = testPlan({
  id: '33333333-3333-4333-8333-333333333331',
  number: 1,
  status: 'approved',
  decidedBy: user,
  decidedAt: '2026-02-03T10:00:00.000Z',
});
const draft = testPlan({
  id: '33333333-3333-4333-8333-333333333332',
  number: 2,
  status: 'draft',
  basedOnId: approved.id,
});

/** The case with its coordinator as a member; the caller's place in it as given. */
function detail(access: Partial<CaseDetail['access']>): CaseDetail {
  const members: CaseDetail['members'] = [
    { userId: user.id, displayName: user.name, role: 'coordinator', scope: 'full', unitName: null },
  ];
  return testCaseDetail({ members, access });
}

function render(list: PlanList, caseDetail: CaseDetail): string {
  return renderWithQuery(<PlanPage detail={caseDetail} />, ['cases', 'plans', CASE_ID], list);
}

describe('PlanPage', () => {
  it('shows the approved plan with sub-goals nested, the PDF link and the version history', () => {
    const html = render({ approval: 'coordinator', items: [approved] }, detail({}));
    expect(html).toContain('<h2');
    expect(html).toContain('Gældende handleplan (version 1)');
    expect(html).toMatch(/<ol class="plan-subgoals"><li><span class="plan-goal-text">Møder til/);
    expect(html).toContain(`href="/api/cases/${CASE_ID}/plan.pdf" download=""`);
    expect(html).toContain('Hent handleplanen som PDF');
    expect(html).toContain('<th scope="col">Version</th>');
    expect(html).toContain('Lav en ny version af handleplanen');
  });

  it('gives a coordinator the draft form with save, submit and approve', () => {
    const html = render({ approval: 'coordinator', items: [draft, approved] }, detail({}));
    expect(html).toContain('Gem kladde');
    expect(html).toContain('Send til godkendelse');
    expect(html).toContain('>Godkend</button>');
    expect(html).toContain('Anden person');
    expect(html).toContain('Tilføj delmål til Mål 1');
    expect(html).toContain('Delmål 1.1');
    expect(html).toContain('Har borgeren deltaget?');
    expect(html).not.toContain('Dato for styregruppens godkendelse');
  });

  it('shows the draft’s dates as dd.mm.åååå in the one date field, never a browser date field', () => {
    const html = render({ approval: 'coordinator', items: [draft] }, detail({}));
    expect(html).toContain('value="30.06.2026"');
    expect(html).toContain('value="01.02.2026"');
    expect(html).not.toContain('type="date"');
    expect(html).toContain('class="form-radio"');
  });

  it('asks a coordinator for the decision on a submitted plan, with the meeting date', () => {
    const submitted = { ...draft, status: 'submitted' as const, submittedBy: user };
    const html = render({ approval: 'steering_group', items: [submitted] }, detail({}));
    expect(html).toContain('Godkend eller send retur');
    expect(html).toContain('Dato for styregruppens godkendelse');
    expect(html).toContain('>Send retur</button>');
    expect(html).not.toContain('Gem kladde');
  });

  it('asks for the steering group meeting date when the municipality uses it', () => {
    const html = render({ approval: 'steering_group', items: [draft] }, detail({}));
    expect(html).toContain('Dato for styregruppens godkendelse');
  });

  it('a member may write and submit but not approve; a submitted plan is read-only for them', () => {
    const member = detail({ role: 'member', compartment: false });
    const editing = render({ approval: 'coordinator', items: [draft] }, member);
    expect(editing).toContain('Send til godkendelse');
    expect(editing).not.toContain('>Godkend</button>');
    const submitted = render(
      {
        approval: 'coordinator',
        items: [{ ...draft, status: 'submitted', submittedBy: user, submittedAt: draft.updatedAt }],
      },
      member,
    );
    expect(submitted).not.toContain('Gem kladde');
    expect(submitted).not.toContain('Send retur');
    expect(submitted).toContain('Sendt til godkendelse af Tove Tovholder');
  });

  it('shows the comment of a plan sent back; a break-the-glass reader gets no buttons', () => {
    const rejected = {
      ...draft,
      status: 'rejected' as const,
      decidedBy: user,
      decidedAt: draft.updatedAt,
      decisionComment: 'Tilføj en aftale om fritidsjob.',
    };
    const reader = render(
      { approval: 'coordinator', items: [rejected, approved] },
      detail({ role: null, breakGlass: true }),
    );
    expect(reader).toContain('Tilføj en aftale om fritidsjob.');
    expect(reader).not.toContain('<button');
  });
});
