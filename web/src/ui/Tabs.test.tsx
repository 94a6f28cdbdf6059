import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { TabNav, Tabs } from './Tabs';

/**
 * The tabs' markup is what the dkfds script needs (`new Tabs(container).init()` in the browser):
 * buttons straight inside the `tab-list`, which is straight inside the `tab-container` (the
 * arrow keys find the container as the button's grandparent), one `tab-panel` per button by
 * `aria-controls`, exactly one button chosen.
 */

function render(selected: 'overview' | 'history'): string {
  return renderToStaticMarkup(
    <Tabs
      label="Henvendelsens dele"
      tabs={[
        { key: 'overview', label: 'Overblik' },
        { key: 'history', label: 'Historik' },
      ]}
      selected={selected}
      onSelect={() => undefined}
    >
      <p>Indholdet</p>
    </Tabs>,
  );
}

/** The opening tag of each element with the class `className`, in order. */
function elements(html: string, className: string): string[] {
  return [
    ...html.matchAll(
      new RegExp(`<[a-z]+ [^>]*class="(?:[^"]* )?${className}(?: [^"]*)?"[^>]*>`, 'g'),
    ),
  ].map((match) => match[0]);
}

const attribute = (tag: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

describe('Tabs', () => {
  it('draws the dkfds tab markup the script works on', () => {
    const html = render('overview');
    expect(html).toMatch(
      /^<div class="tab-container"><div class="tab-list" role="tablist" aria-label="Henvendelsens dele"><button /,
    );
    const buttons = elements(html, 'tab-button');
    const panels = elements(html, 'tab-panel');
    expect(buttons).toHaveLength(2);
    expect(panels).toHaveLength(2);
    expect(buttons.map((tag) => attribute(tag, 'aria-selected'))).toEqual(['true', 'false']);
    expect(buttons.map((tag) => attribute(tag, 'tabindex'))).toEqual(['0', '-1']);
    expect(buttons.map((tag) => attribute(tag, 'role'))).toEqual(['tab', 'tab']);
    expect(buttons.map((tag) => attribute(tag, 'data-tab'))).toEqual(['overview', 'history']);
    // Each button controls its own panel, which is labelled by it.
    buttons.forEach((button, index) => {
      const panel = panels[index] ?? '';
      expect(attribute(button, 'aria-controls')).toBe(attribute(panel, 'id'));
      expect(attribute(panel, 'aria-labelledby')).toBe(attribute(button, 'id'));
      expect(attribute(panel, 'role')).toBe('tabpanel');
    });
  });

  it('puts the content in the chosen panel only, the others hidden and empty', () => {
    const html = render('history');
    const [overview, history] = elements(html, 'tab-panel');
    expect(overview).toContain(' hidden=""');
    expect(history).not.toContain('hidden');
    expect(html).toContain(`${history}<p>Indholdet</p></div>`);
    expect(html).toContain(`${overview}</div>`);
    expect(elements(html, 'tab-button').map((tag) => attribute(tag, 'aria-selected'))).toEqual([
      'false',
      'true',
    ]);
  });
});

describe('TabNav', () => {
  it('draws dkfds navigation tabs with the current link marked aria-current="page"', () => {
    const html = renderToStaticMarkup(
      <MemoryRouter initialEntries={['/sager/1/plan']}>
        <TabNav
          label="Sagens dele"
          className="case-tabs"
          links={[
            { key: 'overview', to: '/sager/1', label: 'Overblik', end: true },
            { key: 'plan', to: '/sager/1/plan', label: 'Plan', end: true },
          ]}
        />
      </MemoryRouter>,
    );
    expect(html).toMatch(
      /^<nav aria-label="Sagens dele" class="tab-container case-tabs"><ul class="tab-list"><li>/,
    );
    const links = elements(html, 'tab-button');
    expect(links.map((tag) => attribute(tag, 'aria-current'))).toEqual([undefined, 'page']);
  });
});
