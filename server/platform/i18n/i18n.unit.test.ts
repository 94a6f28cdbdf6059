import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_STATUS } from '../errors.ts';
import { catalog, localeFromHeader, translate } from './index.ts';

type Catalog = ReturnType<typeof catalog>;
function keys(node: Catalog, prefix = ''): string[] {
  return Object.entries(node).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

describe('server messages', () => {
  it('Danish and English have the same keys and no empty text', () => {
    const da = keys(catalog('da')).sort();
    const en = keys(catalog('en')).sort();
    expect(en).toEqual(da);
    for (const key of da) {
      expect(translate('da', key).trim(), key).not.toBe('');
      expect(translate('en', key).trim(), key).not.toBe('');
    }
  });

  it('every error code has a message in both languages', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      expect(translate('da', `errors.${code}`)).not.toBe(`errors.${code}`);
      expect(translate('en', `errors.${code}`)).not.toBe(`errors.${code}`);
    }
  });

  it('has a message for every field problem code the server code names', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const files = (readdirSync(root, { recursive: true }) as string[]).filter(
      (f) => f.endsWith('.ts') && !/\.test\.ts$/.test(f) && !f.startsWith('test/'),
    );
    const missing: string[] = [];
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const m of source.matchAll(/field:\s*[^,{}]+,\s*code:\s*'([a-z0-9_]+)'/g)) {
        const code = m[1] ?? '';
        if (translate('da', `validation.${code}`) === `validation.${code}`) {
          missing.push(`${file}: validation.${code}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'validation.too_big_string', { maximum: 20 })).toBe(
      'Must be at most 20 characters.',
    );
  });

  it.each([
    [undefined, 'da'],
    ['da-DK,da;q=0.9', 'da'],
    ['en-US,en;q=0.9', 'en'],
    ['da;q=0.4,en;q=0.8', 'en'],
    ['de-DE', 'da'],
    ['en;q=0,da', 'da'],
    ['*', 'da'],
  ])('Accept-Language %s → %s', (header, locale) => {
    expect(localeFromHeader(header)).toBe(locale);
  });
});
