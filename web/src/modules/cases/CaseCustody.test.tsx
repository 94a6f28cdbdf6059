import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { CaseDetail } from './casesApi';
import type { CasePersonsSection as Persons } from './CasePersonsSection';
import { testCaseDetail } from './testCaseDetail';

/**
 * Custody on a child's case, rendered to markup: the hint when no custody holder is recorded,
 * the coordinator's button per parent, and the mark in the persons' table.
 */
let CasePersonsSection: typeof Persons;

beforeAll(async () => {
  ({ CasePersonsSection } = await importWithI18n(() => import('./CasePersonsSection')));
}, 60_000);

const childBirth = `${new Date().getUTCFullYear() - 14}-04-09`;
const persons = (custodyHolder: boolean, birthDate = childBirth): CaseDetail['persons'] => [
  {
    id: '22222222-2222-4222-8222-222222222222',
    name: 'Emil Holm',
    birthDate,
    role: 'citizen',
    custodyHolder: false,
  },
  {
    id: '33333333-3333-4333-8333-333333333333',
    name: 'Hanne Holm',
    birthDate: null,
    role: 'parent',
    custodyHolder,
  },
];

const render = (detail: CaseDetail) =>
  renderToStaticMarkup(
    <QueryClientProvider client={new QueryClient()}>
      <MemoryRouter>
        <CasePersonsSection detail={detail} />
      </MemoryRouter>
    </QueryClientProvider>,
  );

describe('custody on a child’s case', () => {
  it('says no custody holder is recorded and offers to mark the parent', () => {
    const html = render(testCaseDetail({ persons: persons(false) }));
    expect(html).toContain('Der er ikke registreret nogen med forældremyndighed over Emil Holm');
    expect(html).toContain('Marker at Hanne Holm har forældremyndighed');
  });

  it('shows the custody holder in the table, with no hint', () => {
    const html = render(testCaseDetail({ persons: persons(true) }));
    expect(html).toContain('Forælder – har forældremyndighed');
    expect(html).not.toContain('Der er ikke registreret nogen med forældremyndighed');
    expect(html).toContain('Fjern markeringen af forældremyndighed for Hanne Holm');
  });

  it('says nothing about custody on an adult’s case, and offers a plain member no button', () => {
    expect(render(testCaseDetail({ persons: persons(false, '1980-01-01') }))).not.toContain(
      'forældremyndighed',
    );
    const member = render(
      testCaseDetail({ persons: persons(false), access: { role: 'member', compartment: false } }),
    );
    expect(member).toContain('Der er ikke registreret nogen med forældremyndighed');
    expect(member).not.toContain('Marker at Hanne Holm');
  });
});
