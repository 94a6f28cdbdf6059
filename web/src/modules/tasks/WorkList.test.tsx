import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { WorkList as Component } from './WorkList';
import type { Task, WorkList, WorkListSection } from './tasksApi';
import { CASE_ID, INQUIRY_ID, task } from './testTasks';

/** The start page's work list rendered to markup: sections, counts, links, "see all", empty. */

let WorkListC: typeof Component;

beforeAll(async () => {
  ({ WorkList: WorkListC } = await importWithI18n(() => import('./WorkList')));
});

const EMPTY: Record<WorkListSection, Task[]> = {
  overdue: [],
  thisWeek: [],
  approvals: [],
  newInquiries: [],
  casesWithoutWork: [],
  offers: [],
};

function list(parts: Partial<Record<WorkListSection, Task[]>>, counts = {}): WorkList {
  const all = { ...EMPTY, ...parts };
  return {
    sections: (Object.keys(all) as WorkListSection[]).map((section) => ({
      section,
      count: (counts as Record<string, number>)[section] ?? all[section].length,
      items: all[section],
    })),
  };
}

function render(data: WorkList): string {
  return renderWithQuery(
    <MemoryRouter>
      <WorkListC />
    </MemoryRouter>,
    ['tasks', 'work-list'],
    data,
  );
}

describe('WorkList', () => {
  it('shows each section that holds something, with its count and links to the record', () => {
    const html = render(
      list({
        overdue: [task({ id: 'f', kind: 'follow_up', overdue: true, tab: 'followUps' })],
        newInquiries: [
          task({
            id: INQUIRY_ID,
            kind: 'inquiry_triage',
            dueOn: null,
            dueAt: '2026-01-05T10:00:00.000Z',
            caseId: null,
            caseReference: null,
            inquiryId: INQUIRY_ID,
            inquiryReference: 'H-2026-000001',
          }),
        ],
        casesWithoutWork: [
          task({ id: CASE_ID, kind: 'case_without_assessment', tab: 'assessment' }),
          task({ id: CASE_ID, kind: 'case_without_plan', tab: 'plan' }),
        ],
      }),
    );
    expect(html).toContain('Overskredet (1)');
    expect(html).toContain('Nye henvendelser (1)');
    expect(html).toContain('Sager uden vurdering eller plan (2)');
    expect(html).not.toContain('Forfalder denne uge');
    expect(html).not.toContain('Venter på din godkendelse');
    expect(html).toContain(`href="/sager/${CASE_ID}/opfoelgning"`);
    expect(html).toContain(`href="/sager/${CASE_ID}/udredning"`);
    expect(html).toContain(`href="/sager/${CASE_ID}/handleplan"`);
    expect(html).toContain(`href="/henvendelser/${INQUIRY_ID}"`);
    expect(html).toContain('Ny henvendelse skal visiteres');
    expect(html).toContain('Sagen mangler en godkendt handleplan');
    expect(html.indexOf('Overskredet')).toBeLessThan(html.indexOf('Nye henvendelser'));
    expect(html).not.toContain('Se alle');
  });

  it('links to every task of a section on "Mine opgaver" when there are more than shown', () => {
    const offers = [1, 2, 3, 4, 5].map((n) =>
      task({ id: `o${n}`, kind: 'offer_renewal', tab: 'interventions' }),
    );
    const html = render(list({ offers }, { offers: 8 }));
    expect(html).toContain('Tilbud der skal fornys (8)');
    expect(html).toContain('href="/opgaver?type=offer_renewal"');
    expect(html).toContain('Se alle 8 i Mine opgaver');
  });

  it('says that nothing is waiting when every section is empty', () => {
    const html = render(list({}));
    expect(html).toContain('Der venter ikke noget på dig lige nu.');
    expect(html).not.toContain('<table');
  });
});
