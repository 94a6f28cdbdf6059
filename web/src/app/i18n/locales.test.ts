import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { da, en } from './catalogues';

const catalogues = { da, en } as const;
type LanguageCode = keyof typeof catalogues;
const languages = Object.keys(catalogues) as LanguageCode[];

const srcDir = fileURLToPath(new URL('../../', import.meta.url));

/** Flattens nested JSON to dotted keys; non-string leaves are kept so they can be reported. */
function flatten(node: unknown, prefix = ''): Map<string, unknown> {
  const entries = new Map<string, unknown>();
  if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        for (const [k, v] of flatten(value, path)) entries.set(k, v);
      } else {
        entries.set(path, value);
      }
    }
  }
  return entries;
}

const flat = Object.fromEntries(languages.map((l) => [l, flatten(catalogues[l])])) as Record<
  LanguageCode,
  Map<string, unknown>
>;

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** All .ts/.tsx source files under web/src, except tests and type declarations. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    if (!/\.tsx?$/.test(entry.name) || /\.(test|d)\.tsx?$/.test(entry.name)) return [];
    return [path];
  });
}

/** Literal keys in `t('…')`, `t("…")` and `i18nKey="…"` (or `i18nKey='…'`). */
const KEY_PATTERNS = [/\bt\(\s*(['"])([^'"\n]+)\1/g, /\bi18nKey=(['"])([^'"\n]+)\1/g];

function keysUsedIn(source: string): string[] {
  return KEY_PATTERNS.flatMap((pattern) => [...source.matchAll(pattern)].map((m) => m[2] ?? ''));
}

describe('translation catalogues', () => {
  it('have the same keys in every language, and no empty or non-text values', () => {
    const problems: string[] = [];
    const allKeys = new Set(languages.flatMap((l) => [...flat[l].keys()]));
    for (const key of [...allKeys].sort()) {
      for (const language of languages) {
        if (!flat[language].has(key)) {
          problems.push(`${key}: missing in ${language}.json`);
          continue;
        }
        const value = flat[language].get(key);
        if (typeof value !== 'string') problems.push(`${key}: not a text in ${language}.json`);
        else if (value.trim() === '') problems.push(`${key}: empty in ${language}.json`);
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('use the same {{placeholders}} in every language', () => {
    const problems: string[] = [];
    for (const [key, value] of flat.da) {
      if (typeof value !== 'string') continue;
      const expected = placeholders(value).join(', ');
      for (const language of languages) {
        const other = flat[language].get(key);
        if (typeof other !== 'string') continue;
        const actual = placeholders(other).join(', ');
        if (actual !== expected) {
          problems.push(`${key}: da has {{${expected}}}, ${language} has {{${actual}}}`);
        }
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('contain every key the code uses literally', () => {
    const files = sourceFiles(srcDir);
    expect(files.filter((f) => f.endsWith('.tsx')).length).toBeGreaterThan(0);
    const missing: string[] = [];
    for (const file of files) {
      for (const key of keysUsedIn(readFileSync(file, 'utf8'))) {
        for (const language of languages) {
          if (typeof flat[language].get(key) !== 'string') {
            missing.push(`${key} (${relative(srcDir, file)}) missing in ${language}.json`);
          }
        }
      }
    }
    expect(missing, `Keys used in code but missing:\n${missing.join('\n')}`).toEqual([]);
  });

  it('hold no developer texts (references to the specification, issues or to-dos)', () => {
    const developer =
      /domænebeskrivelse|domain description|\b(?:trin|step) [A-Z]\b|\bissue\b|\bTODO\b|\bFIXME\b/i;
    const found = languages.flatMap((language) =>
      [...flat[language]]
        .filter(([, text]) => typeof text === 'string' && developer.test(text))
        .map(([key]) => `${language}: ${key}`),
    );
    expect(found).toEqual([]);
  });
});
