import type { ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FilterSelect as Filter } from './FilterSelect';
import type { PagedList as Paged, PagedQuery } from './PagedList';

/** The paged list's states and the list filter, rendered to markup. */

let PagedList: typeof Paged;
let FilterSelect: typeof Filter;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  const { default: i18n } = await import('../app/i18n');
  await i18n.changeLanguage('en');
  ({ PagedList } = await import('./PagedList'));
  ({ FilterSelect } = await import('./FilterSelect'));
});

const texts = {
  loading: 'Loading the list',
  loadError: 'The list could not be loaded',
  loadMoreError: 'More could not be loaded',
  empty: 'Nothing here',
  one: 'One item',
  many: (count: number) => `${count} items`,
};

const settled: PagedQuery = {
  isPending: false,
  isError: false,
  error: null,
  refetch: () => Promise.resolve(),
  isFetchNextPageError: false,
  hasNextPage: false,
  isFetchingNextPage: false,
  fetchNextPage: () => Promise.resolve(),
};

function render(query: Partial<PagedQuery>, count: number, noPrint = false): string {
  const list: ReactNode = <ul className="the-list" />;
  return renderToStaticMarkup(
    <PagedList
      query={{ ...settled, ...query }}
      count={count}
      texts={texts}
      countClassName="case-count"
      noPrint={noPrint}
    >
      {list}
    </PagedList>,
  );
}

describe('PagedList', () => {
  it('shows the spinner while the first page loads', () => {
    const html = render({ isPending: true }, 0);
    expect(html).toContain('Loading the list');
    expect(html).not.toContain('the-list');
  });

  it('shows the load error with a retry when nothing was loaded', () => {
    const html = render({ isError: true }, 0);
    expect(html).toContain('The list could not be loaded');
    expect(html).toContain('role="alert"');
    expect(html).not.toContain('role="status"');
  });

  it('says the list is empty and leaves the list out', () => {
    const html = render({}, 0);
    expect(html).toContain('<p role="status" class="case-count">Nothing here</p>');
    expect(html).not.toContain('the-list');
  });

  it('counts the items, shows the list and the button for the next page', () => {
    expect(render({}, 1)).toContain('One item');
    const html = render({ hasNextPage: true }, 3);
    expect(html).toContain('3 items');
    expect(html).toContain('the-list');
    expect(html).toContain('class="button button-secondary mt-5"');
    expect(html).toContain('Show more');
  });

  it('keeps the loaded items when the next page fails, and leaves tools out of a printout', () => {
    const html = render({ isError: true, isFetchNextPageError: true, hasNextPage: true }, 2, true);
    expect(html).toContain('the-list');
    expect(html).toContain('More could not be loaded');
    expect(html).toContain('class="case-count no-print"');
    expect(html).toContain('class="button button-secondary mt-5 no-print"');
  });

  it('disables the button while the next page loads', () => {
    const html = render({ hasNextPage: true, isFetchingNextPage: true }, 2);
    expect(html).toContain('disabled=""');
    expect(html).toContain('Loading more …');
  });
});

describe('FilterSelect', () => {
  it('labels the select and offers "all" as the empty value first', () => {
    const html = renderToStaticMarkup(
      <FilterSelect
        className="case-filter"
        label="Status"
        value="b"
        all="All statuses"
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
        onChange={() => undefined}
      />,
    );
    const id = /<select id="([^"]+)"/.exec(html)?.[1];
    expect(id).toBeTruthy();
    expect(html).toContain(`<label class="form-label" for="${id}">Status</label>`);
    expect(html).toMatch(/<option value="">All statuses<\/option><option value="a">A<\/option>/);
    expect(html).toContain('<option value="b" selected="">B</option>');
    expect(html).toContain('class="form-group case-filter"');
  });
});
