import { beforeAll, describe, expect, it } from 'vitest';
import { importWithI18n, renderWithQuery } from '../../ui/testRender';
import type { Guidance as Component } from './Guidance';

/**
 * Guidance where the work happens: collapsed (details without `open`), named by its source while
 * the product's default shows, and the municipality's own text when its administrator replaced it.
 */
let Guidance: typeof Component;
beforeAll(async () => {
  ({ Guidance } = await importWithI18n(() => import('./Guidance')));
});

const render = (items: unknown[]) =>
  renderWithQuery(<Guidance keys={['networkMap', 'definitions']} />, ['guidance'], { items });

describe('Guidance', () => {
  it('shows the defaults collapsed, each naming its source', () => {
    const html = render([]);
    expect(html.match(/<details class="details guidance-details">/g)).toHaveLength(2);
    expect(html).not.toContain('open=""');
    expect(html).toContain('Vejledning: Sådan tegner I netværkskortet');
    expect(html).toContain('Kilde: Boligområdemodellen, værktøj 6');
    expect(html).toContain('Kilde: Nationalt Center for Forebyggelse af Ekstremisme');
  });

  it("shows the municipality's own text in place of the default", () => {
    const html = render([
      {
        key: 'networkMap',
        textDa: 'Vores egen vejledning til kortet.',
        textEn: null,
        updatedAt: '2026-12-01T10:00:00.000Z',
        version: 1,
      },
    ]);
    expect(html).toContain('Vores egen vejledning til kortet.');
    expect(html).toContain('Kommunens egen tekst');
    expect(html).not.toContain('Tegn gerne kortet sammen med borgeren');
    expect(html).toContain('Ekstremisme er personer eller grupper');
  });
});
