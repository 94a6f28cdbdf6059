import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n } from '../../ui/testRender';
import type { OverviewChanges as Changes } from './OverviewChanges';
import type { OverviewItem } from './roundsApi';

/**
 * The area overview's "Ændret siden sidste runde": each item marked new, gone, changed or
 * unchanged in words (not by colour alone), the last round's wording beside a changed item.
 */
let OverviewChanges: typeof Changes;
beforeAll(async () => {
  ({ OverviewChanges } = await importWithI18n(() => import('./OverviewChanges')));
});

const item = (label: string, over: Partial<OverviewItem> = {}): OverviewItem => ({
  key: label,
  partId: null,
  category: 'place',
  stance: 'challenge',
  sign: null,
  label,
  description: null,
  howToReach: null,
  sameAs: null,
  ...over,
});

describe('OverviewChanges', () => {
  it('says new, gone and changed in words, with the last round beside a change', () => {
    const html = renderToStaticMarkup(
      <OverviewChanges
        caption="Områdeoverblikket efter runde 2"
        parts={[]}
        entries={[
          {
            item: item('Bokseklubbens træner', {
              category: 'positive_connector',
              stance: 'resource',
              howToReach: 'Via formanden',
            }),
            change: 'new',
            previous: null,
          },
          {
            item: item('Kælderen', { description: 'Færre unge' }),
            change: 'changed',
            previous: item('Kælderen', { description: 'Unge samles' }),
          },
          { item: item('Lektiecaféen'), change: 'gone', previous: item('Lektiecaféen') },
        ]}
      />,
    );
    expect(html).toContain('<caption class="sr-only">Områdeoverblikket efter runde 2</caption>');
    expect(html).toContain('<strong>Nyt</strong>');
    expect(html).toContain('<strong>Ændret</strong>');
    expect(html).toContain('<strong>Forsvundet</strong>');
    expect(html).toContain('Kælderen: Unge samles');
    expect(html).toContain('Positiv forbinder (ressource)');
    expect(html).toContain('Sådan kommer vi i kontakt: Via formanden');
  });

  it('has no change columns for the first overview', () => {
    const html = renderToStaticMarkup(
      <OverviewChanges
        caption="x"
        parts={[]}
        compared={false}
        entries={[{ item: item('A'), change: 'new', previous: null }]}
      />,
    );
    expect(html).not.toContain('Ændring');
    expect(html).toContain('Området som helhed');
  });
});
