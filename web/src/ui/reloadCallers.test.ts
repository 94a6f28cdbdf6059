import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * MutationFailure clears a failure once the reload it asked for has settled, which it only can
 * when `onReload` returns the reload's promise (issue 11 review). A caller that throws the promise
 * away (`() => void refresh()`) clears the stale notice before the latest version is on the page.
 */
const srcDir = fileURLToPath(new URL('../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

describe('callers of MutationFailure', () => {
  it('return the reload promise from onReload instead of discarding it', () => {
    const discarding = sources(srcDir).flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      if (!source.includes('<MutationFailure')) return [];
      const found = source.match(/onReload=\{\(\) => (void |\{\s*void )/g) ?? [];
      return found.map(() => relative(srcDir, path));
    });
    expect(discarding).toEqual([]);
  });
});
