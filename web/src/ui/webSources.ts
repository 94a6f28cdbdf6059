import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * For tests that read the web app's own source (Node only): every component file under
 * web/src, tests left out, and a path relative to web/src for their messages.
 */
export const webSrcDir = fileURLToPath(new URL('../', import.meta.url));

export function componentSources(dir = webSrcDir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return componentSources(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

export const fromWebSrc = (path: string) => relative(webSrcDir, path);
