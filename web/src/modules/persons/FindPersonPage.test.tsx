import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { FindPersonPage as Page, PersonResults as Results } from './FindPersonPage';
import type { PersonCriteria, PersonSearchResult } from './personsApi';

/** "Find person" rendered to markup: the search form, the hits with their links, no hits. */

let FindPersonPage: typeof Page;
let PersonResults: typeof Results;

beforeAll(async () => {
  ({ FindPersonPage, PersonResults } = await importWithI18n(() => import('./FindPersonPage')));
});

const PERSON_ID = '11111111-1111-4111-8111-111111111111';
const CASE_ID = '22222222-2222-4222-8222-222222222222';
const INQUIRY_ID = '33333333-3333-4333-8333-333333333333';
const CRITERIA: PersonCriteria = { name: 'Åse', cpr: '', birthDate: '' };

function results(page: PersonSearchResult): string {
  return renderWithQuery(
    <MemoryRouter>
      <PersonResults criteria={CRITERIA} />
    </MemoryRouter>,
    ['persons', 'search', CRITERIA],
    { pages: [page], pageParams: [null] },
  );
}

describe('FindPersonPage', () => {
  it('offers name, CPR number and birth date, and no results before a search', () => {
    const html = renderWithQuery(
      <MemoryRouter initialEntries={['/personer']}>
        <FindPersonPage />
      </MemoryRouter>,
      ['unused'],
      null,
    );
    expect(html).toContain('<h1 tabindex="-1">Find person</h1>');
    expect(html).toContain('for="person-search-name">Navn</label>');
    expect(html).toContain('for="person-search-cpr">CPR-nummer</label>');
    expect(html).toContain('for="person-search-birthDate">Fødselsdato</label>');
    expect(html).toContain('>Søg</button>');
    expect(html).not.toContain('Resultat');
  });

  it('lists each person with links to the person, the cases and the open inquiries', () => {
    const html = results({
      nextCursor: null,
      items: [
        {
          id: PERSON_ID,
          name: 'Åse Kjærgård',
          birthDate: '2010-03-15',
          cases: [{ id: CASE_ID, reference: 'S-2026-0001' }],
          inquiries: [{ id: INQUIRY_ID, reference: 'H-2026-0007' }],
        },
      ],
    });
    expect(html).toContain(`href="/personer/${PERSON_ID}" data-discover="true">Åse Kjærgård</a>`);
    expect(html).toContain('15.03.2010');
    expect(html).toContain(`href="/sager/${CASE_ID}" data-discover="true">S-2026-0001</a>`);
    expect(html).toContain(
      `href="/henvendelser/${INQUIRY_ID}" data-discover="true">H-2026-0007</a>`,
    );
    expect(html).toContain('Viser 1 person.');
  });

  it('says so when the search found nobody the user may see', () => {
    const html = results({ nextCursor: null, items: [] });
    expect(html).toContain('Vi fandt ingen personer, du har adgang til, som passer til søgningen.');
    expect(html).not.toContain('<table');
  });
});
