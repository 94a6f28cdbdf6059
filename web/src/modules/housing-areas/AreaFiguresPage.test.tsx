import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { AreaFiguresPage as Page } from './AreaFiguresPage';

/**
 * "Tal for boligområderne": counts per area in a table with Danish column headings, the area's
 * name as the row header, and the other slices' figures as further columns when the server sends
 * them. No text, shape or person.
 */
let AreaFiguresPage: typeof Page;
beforeAll(async () => {
  ({ AreaFiguresPage } = await importWithI18n(() => import('./AreaFiguresPage')));
});

const render = (data: unknown) =>
  renderWithQuery(
    <MemoryRouter>
      <AreaFiguresPage />
    </MemoryRouter>,
    ['housing-areas', 'figures'],
    data,
  );

describe('AreaFiguresPage', () => {
  it('shows counts per area, with the other modules’ figures as columns', () => {
    const html = render({
      from: '2025-12-07',
      to: '2026-12-07',
      items: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          name: 'Nørrevang',
          archived: false,
          zones: 3,
          places: 4,
          partners: 1,
          identifications: 2,
          more: { rounds: 5 },
        },
      ],
    });
    expect(html).toContain('<h1');
    expect(html).toContain('Tal for boligområderne');
    expect(html).toContain('<th scope="row">Nørrevang</th>');
    expect(html).toContain('Identifikationer (værktøj 4a og 4b)');
    expect(html).toContain('Kortlægningsrunder');
    expect(html).toContain('<td>5</td>');
  });

  it('shows 1–4 identifications withheld by the server as "under 5", and the achieved goals', () => {
    const html = render({
      from: '2026-01-01',
      to: '2026-12-31',
      items: [
        {
          id: '00000000-0000-4000-8000-000000000002',
          name: 'Vestergården',
          archived: false,
          zones: 1,
          places: 2,
          partners: 0,
          identifications: 'under_5',
          more: { rounds: 1, planGoals: 4, planGoalsAchieved: 2, interventions: 3 },
        },
      ],
    });
    expect(html).toContain('<td>under 5</td>');
    expect(html).toContain('Opnåede mål');
    expect(html).toContain('Indsatser');
  });

  it('says so when there is no area', () => {
    const html = render({ from: '2025-12-07', to: '2026-12-07', items: [] });
    expect(html).toContain('Der er ingen boligområder at vise tal for.');
  });
});
