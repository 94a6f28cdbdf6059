import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { NetworkList as List } from './NetworkList';
import type { RelationView } from './networkMapsApi';

/**
 * The network map's accessible table: the primary way for screen readers. Sectors as row-group
 * headers in the tool's order, each relation's role as its row header, closeness and quality in
 * words (not colour alone), the linked party of the case named, and a caption.
 */
let NetworkList: typeof List;
beforeAll(async () => {
  ({ NetworkList } = await importWithI18n(() => import('./NetworkList')));
});

const rel = (n: number, over: Partial<RelationView>): RelationView => ({
  key: `00000000-0000-4000-8000-00000000000${n}`,
  sector: 'family',
  label: 'Rolle',
  closeness: 2,
  quality: 'protective',
  note: null,
  personId: null,
  personName: null,
  ...over,
});

const render = (relations: RelationView[]) =>
  renderToStaticMarkup(<NetworkList relations={relations} caption="Netværkskortet som tabel" />);

describe('NetworkList', () => {
  it('groups by sector in the tool’s order, closest first, with words for closeness and quality', () => {
    const html = render([
      rel(1, { sector: 'extremist_environment', label: 'Online-fællesskab', quality: 'risky' }),
      rel(2, { sector: 'family', label: 'Ældre fætter', closeness: 3, quality: 'mixed' }),
      rel(3, { sector: 'family', label: 'Mor', closeness: 1, personName: 'Mona Hansen' }),
    ]);
    expect(html).toContain('<caption class="sr-only">Netværkskortet som tabel</caption>');
    const order = [
      'Familie',
      'Mor',
      'Ældre fætter',
      'Det ekstremistiske miljø',
      'Online-fællesskab',
    ];
    const positions = order.map((s) => html.indexOf(s));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(html).toMatch(/<th scope="colgroup" colspan="4">Familie<\/th>/i);
    expect(html).toContain('<th scope="row">Mor');
    expect(html).toContain('(part i sagen: Mona Hansen)');
    expect(html).toContain('1 – tæt');
    expect(html).toContain('3 – fjern');
    expect(html).toContain('Beskyttende');
    expect(html).toContain('Risikabel');
    expect(html).toContain('Blandet');
  });

  it('says so when the map has no relations', () => {
    expect(render([])).toContain('Kortet har ingen relationer endnu.');
  });
});
