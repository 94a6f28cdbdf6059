import { MemoryRouter } from 'react-router';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { CaseListItem } from './casesApi';
import type * as Table from './CaseListTable';
import type * as Page from './CaseListPage';
import type * as Api from './overviewApi';

/** The case overview ("Sager"): filters in the address, the table's columns, sorting, empty state. */
let CaseListTable: typeof Table.CaseListTable;
let daysSince: typeof Table.daysSince;
let CaseListPage: typeof Page.CaseListPage;
let api: typeof Api;
let CASES_QUERY_KEY: readonly string[];

beforeAll(async () => {
  ({ CaseListTable, daysSince } = await importWithI18n(() => import('./CaseListTable')));
  ({ CaseListPage } = await import('./CaseListPage'));
  api = await import('./overviewApi');
  ({ CASES_QUERY_KEY } = await import('./casesApi'));
  const { default: i18n } = await import('../../app/i18n');
  await i18n.changeLanguage('da');
});

const item: CaseListItem = {
  id: '4f1c2d3e-0000-4000-8000-000000000001',
  reference: 'S-2026-0007',
  status: 'active',
  openedAt: '2026-03-02T09:00:00.000Z',
  myRole: 'coordinator',
  breakGlass: false,
  citizen: { id: '4f1c2d3e-0000-4000-8000-000000000002', name: 'Mira Østergaard' },
  concernLevel: 'high',
  concernDirection: 'up',
  coordinators: 'Dorte Tovholder',
  nextFollowUpOn: '2026-11-01',
  overdue: true,
  openInterventions: 2,
  lastContactOn: '2026-10-20',
};

const table = (items: CaseListItem[], sort: Parameters<typeof CaseListTable>[0]['sort']) =>
  renderToStaticMarkup(
    <MemoryRouter>
      <CaseListTable items={items} sort={sort} onSort={() => undefined} />
    </MemoryRouter>,
  );

describe('the overview filters in the address', () => {
  it('reads the filters and sort from the address and writes only what differs from the defaults', () => {
    const params = new URLSearchParams('status=on_hold&concernLevel=high&overdue=false&mine=true');
    const filters = api.filtersFrom(params);
    expect(filters).toEqual({
      status: 'on_hold',
      concernLevel: 'high',
      mine: true,
      coordinatorId: null,
      overdue: false,
      sort: 'opened',
    });
    expect(api.paramsOf({ ...filters, sort: 'nextFollowUp' })).toEqual({
      status: 'on_hold',
      concernLevel: 'high',
      mine: 'true',
      overdue: 'false',
      sort: 'nextFollowUp',
    });
  });

  it('ignores values it does not know, and never has a place for the search text', () => {
    const filters = api.filtersFrom(new URLSearchParams('status=x&sort=risk&text=Mira'));
    expect(filters).toEqual({
      status: null,
      concernLevel: null,
      mine: false,
      coordinatorId: null,
      overdue: null,
      sort: 'opened',
    });
    expect(api.paramsOf(filters)).toEqual({});
  });
});

describe('the overview table', () => {
  it('says an overdue follow-up in words, the concern direction, coordinators and open interventions', () => {
    const html = table([item], 'opened');
    expect(html).toContain('<span class="case-overdue">01.11.2026 – overskredet</span>');
    expect(html).toContain('Høj bekymring<span class="case-direction"> – stigende</span>');
    expect(html).toContain('Dorte Tovholder');
    expect(html).toContain('<td>2</td>');
    expect(html).toContain('Mira Østergaard');
  });

  it('marks the sorted column with aria-sort, and only that one', () => {
    const byNext = table([item], 'nextFollowUp');
    expect(byNext.match(/aria-sort=/g)).toHaveLength(1);
    expect(byNext).toMatch(/<th scope="col" aria-sort="ascending"><button[^>]*>Næste opfølgning/);
    expect(table([item], 'opened')).toMatch(/aria-sort="descending"><button[^>]*>Oprettet/);
  });

  it('shows a case without names, follow-ups or contact for what it is', () => {
    const html = table(
      [
        {
          ...item,
          citizen: null,
          concernLevel: null,
          concernDirection: null,
          coordinators: null,
          nextFollowUpOn: null,
          overdue: false,
          lastContactOn: null,
        },
      ],
      'reference',
    );
    expect(html).toContain('Vises ikke for din adgang');
    expect(html).toContain('Ikke vurderet');
    expect(html).toContain('Ingen tovholder');
    expect(html).toContain('Ingen planlagt');
    expect(html).toContain('Ingen endnu');
    expect(html).not.toContain('case-overdue');
  });

  it('counts whole days since the last contact', () => {
    expect(daysSince('2026-10-20', '2026-11-01')).toBe(12);
    expect(daysSince('2026-11-01', '2026-11-01')).toBe(0);
  });
});

describe('the overview page', () => {
  it('says which filters are on when nothing matches them', () => {
    const filters = api.filtersFrom(new URLSearchParams('status=active&overdue=true&mine=true'));
    const html = renderWithQuery(
      <MemoryRouter initialEntries={['/sager?status=active&overdue=true&mine=true']}>
        <CaseListPage />
      </MemoryRouter>,
      [...CASES_QUERY_KEY, 'overview', filters, ''],
      { pages: [{ items: [], nextCursor: null }], pageParams: [null] },
    );
    expect(html).toContain('<h1');
    expect(html).toContain('Sager');
    expect(html).toContain(
      'Ingen sager passer til filtrene: status »Aktiv«, kun overskredne opfølgninger, kun dine sager som tovholder.',
    );
    expect(html).toContain('role="search"');
    expect(html).toContain('Søg efter sag eller person');
  });
});
