import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The server's own source files for the checks that read code (one owner per table, SQL only in
 * repository files): paths relative to the repository root, tests and `*.fixtures.ts` left out,
 * and whatever folder `exempt` names (the demo seed and the test helpers build fixtures).
 */
export function serverSources(exempt: readonly string[]): { file: string; text: string }[] {
  const root = process.cwd();
  return walk(join(root, 'server'))
    .map((path) => relative(root, path))
    .filter((file) => !exempt.some((prefix) => file.startsWith(prefix)))
    .map((file) => ({ file, text: readFileSync(file, 'utf8') }));
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    const test = path.endsWith('.test.ts') || path.endsWith('.fixtures.ts');
    return path.endsWith('.ts') && !test ? [path] : [];
  });
}
