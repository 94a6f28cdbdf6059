import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { componentSources, fromWebSrc } from './webSources';
import { CompactTable, ScrollTable } from './Table';

/**
 * The one scrolling wrapper of a wide table (issue 11 review): a region named by the table's
 * caption that takes keyboard focus, used by CompactTable and every other wide table and chart
 * data table, so no page keeps a copy of its own.
 */
describe('ScrollTable', () => {
  it('is a focusable region named by its label', () => {
    const html = renderToStaticMarkup(
      <ScrollTable label="Bekymringsniveau over tid">
        <table />
      </ScrollTable>,
    );
    expect(html).toBe(
      '<div class="table--responsive-scroll" role="region" aria-label="Bekymringsniveau over tid" tabindex="0"><table></table></div>',
    );
  });

  it('wraps every CompactTable, named by its caption', () => {
    const html = renderToStaticMarkup(
      <CompactTable caption="Sager" columns={['Sag', false, 'Status']}>
        <tr />
      </CompactTable>,
    );
    expect(html).toMatch(
      /^<div class="table--responsive-scroll" role="region" aria-label="Sager" tabindex="0">/,
    );
    expect(html).toContain('<caption class="sr-only">Sager</caption>');
    expect(html.match(/<th /g)?.length).toBe(2);
  });

  it('is the only scrolling wrapper: no page has a copy of its own', () => {
    const copies = componentSources().filter(
      (path) =>
        fromWebSrc(path) !== 'ui/Table.tsx' &&
        readFileSync(path, 'utf8').includes('table--responsive-scroll'),
    );
    expect(copies.map((path) => fromWebSrc(path))).toEqual([]);
  });
});
