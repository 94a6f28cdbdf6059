import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The unit tier shares a worker's loaded modules between files (`isolate: false` in
 * vitest.config.ts), so a module mocked in one file would reach every later file of the worker
 * and make results depend on file order. No unit test mocks a module; render with the real
 * pieces (ui/testRender.tsx) instead.
 */
const ROOTS = ['web/src', 'server', 'scripts'];
const MOCK = new RegExp(String.raw`\bvi\.(?:mock|doMock)\(`);

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

describe('unit tests share loaded modules', () => {
  it('mock no module', () => {
    const files = ROOTS.flatMap(testFiles);
    expect(files.length).toBeGreaterThan(40);
    const mocking = files.filter((file) => MOCK.test(readFileSync(file, 'utf8')));
    expect(mocking.map((file) => relative('.', file))).toEqual([]);
  });
});
