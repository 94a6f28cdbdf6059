import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { TasksPage as Page } from './TasksPage';
import type { TaskList } from './tasksApi';
import { CASE_ID, INQUIRY_ID, task } from './testTasks';

/** "Mine opgaver" rendered to markup: groups, links to the case tab or the inquiry, empty state. */

let TasksPage: typeof Page;

beforeAll(async () => {
  ({ TasksPage } = await importWithI18n(() => import('./TasksPage')));
});

function day(offset: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
}

function render(list: TaskList): string {
  return renderWithQuery(
    <MemoryRouter initialEntries={['/opgaver']}>
      <TasksPage />
    </MemoryRouter>,
    ['tasks', 'all'],
    { pages: [list], pageParams: [null] },
  );
}

describe('TasksPage', () => {
  it('groups the tasks and links each to its case tab or inquiry', () => {
    const html = render({
      nextCursor: null,
      items: [
        task({ id: 'a', kind: 'follow_up', dueOn: day(-3), overdue: true, tab: 'followUps' }),
        task({ id: 'b', kind: 'review', dueOn: day(5), tab: 'closure' }),
        task({ id: 'c', kind: 'offer_renewal', dueOn: day(40), tab: 'interventions' }),
        task({
          id: 'd',
          kind: 'inquiry_deadline',
          dueAt: new Date(Date.now() + 3_600_000).toISOString(),
          caseId: null,
          caseReference: null,
          inquiryId: INQUIRY_ID,
          inquiryReference: 'H-2026-000001',
        }),
      ],
    });
    expect(html).toContain('<h1 tabindex="-1">Mine opgaver</h1>');
    expect(html).toContain('Overskredet (1)');
    expect(html).toContain('De næste 14 dage (2)');
    expect(html).toContain('Senere (1)');
    expect(html).toContain(`href="/sager/${CASE_ID}/opfoelgning"`);
    expect(html).toContain(`href="/sager/${CASE_ID}/afslutning"`);
    expect(html).toContain(`href="/sager/${CASE_ID}/indsatser"`);
    expect(html).toContain(`href="/henvendelser/${INQUIRY_ID}"`);
    expect(html.indexOf('Overskredet (1)')).toBeLessThan(html.indexOf('De næste 14 dage'));
  });

  it('says so when there is nothing to do', () => {
    const html = render({ nextCursor: null, items: [] });
    expect(html).toContain('Du har ingen opgaver lige nu.');
  });
});
