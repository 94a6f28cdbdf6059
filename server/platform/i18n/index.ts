import da from './locales/da.json' with { type: 'json' };
import en from './locales/en.json' with { type: 'json' };

/** Server-side messages (errors, e-mails). Danish first; English when the client asks for it. */
export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

type Catalog = { [key: string]: string | Catalog };
const catalogs: Record<Locale, Catalog> = { da, en };

export function catalog(locale: Locale): Catalog {
  return catalogs[locale];
}

/** Picks the locale from an Accept-Language header: English only when English is preferred. */
export function localeFromHeader(header: string | undefined): Locale {
  if (!header) return 'da';
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag, q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('da') || tag.startsWith('nb') || tag.startsWith('nn')) return 'da';
    if (tag.startsWith('en')) return 'en';
  }
  return 'da';
}

/** Looks up `a.b.c` and fills `{{name}}` placeholders. A missing key returns the key itself. */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  let node: string | Catalog | undefined = catalogs[locale];
  for (const part of key.split('.')) {
    node = typeof node === 'object' ? node[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{\{(\w+)\}\}/g, (_, name: string) =>
    params[name] === undefined ? `{{${name}}}` : String(params[name]),
  );
}
