import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentSources, fromWebSrc } from './webSources';

/**
 * MutationFailure clears a failure once the reload it asked for has settled, which it only can
 * when `onReload` returns the reload's promise (issue 11 review). A caller that throws the promise
 * away (`() => void refresh()`) clears the stale notice before the latest version is on the page.
 */
describe('callers of MutationFailure', () => {
  it('return the reload promise from onReload instead of discarding it', () => {
    const discarding = componentSources().flatMap((path) => {
      const source = readFileSync(path, 'utf8');
      if (!source.includes('<MutationFailure')) return [];
      const found = source.match(/onReload=\{\(\) => (void |\{\s*void )/g) ?? [];
      return found.map(() => fromWebSrc(path));
    });
    expect(discarding).toEqual([]);
  });
});
