import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * What keeps a page within a 375 px screen (measured with Playwright when the rules came in):
 * user text wraps however long a word is, and every table scrolls inside its own wrapper, which
 * also holds what is positioned inside it (dkfds `sr-only` texts in buttons).
 */

const srcDir = fileURLToPath(new URL('../', import.meta.url));
const css = readFileSync(fileURLToPath(new URL('./app.css', import.meta.url)), 'utf8');

function rule(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  return start < 0 ? '' : css.slice(start, css.indexOf('}', start));
}

function pages(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('pages on a narrow screen', () => {
  it('wrap a long unbroken string in user text instead of widening the page', () => {
    expect(css).toMatch(/#main-content \{\s*overflow-wrap: break-word/);
    expect(css).toMatch(
      /#main-content \.case-text,\s*#main-content dd \{\s*overflow-wrap: anywhere/,
    );
  });

  it('scroll a wide table inside its wrapper, positioned content included', () => {
    expect(rule('.table--responsive-scroll')).toContain('position: relative');
    const unwrapped = pages(srcDir).filter((path) => {
      const source = readFileSync(path, 'utf8');
      const tables = source.match(/<table\b/g)?.length ?? 0;
      const wrappers =
        source.match(/<ScrollTable\b|className="table--responsive-scroll"/g)?.length ?? 0;
      return tables > wrappers;
    });
    expect(unwrapped.map((path) => relative(srcDir, path))).toEqual([]);
  });
});
