import { catalog, type Locale } from '../../../server/platform/i18n/index.ts';

/**
 * The server's messages in the language the user has now. The server answers in the language the
 * request asked for (Accept-Language); an error shown before a language switch keeps that text.
 * Its message is said again in the new language from the server's own catalogue
 * (server/platform/i18n), by the error's code: the values in the old text (a number of minutes,
 * a maximum length) are read back through the old language's template and put into the new one.
 * When that is not possible the server's text is kept.
 */

function template(locale: Locale, key: string): string | null {
  let node: unknown = catalog(locale);
  for (const part of key.split('.')) {
    node =
      typeof node === 'object' && node !== null
        ? (node as Record<string, unknown>)[part]
        : undefined;
  }
  return typeof node === 'string' ? node : null;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The values of a message made from `pattern`, or null when the message is not made from it. */
function readValues(pattern: string, message: string): Record<string, string> | null {
  const names: string[] = [];
  const source = pattern
    .split(PLACEHOLDER)
    .map((part, index) => {
      if (index % 2 === 0) return escape(part);
      names.push(part);
      return '(.+?)';
    })
    .join('');
  const match = new RegExp(`^${source}$`, 's').exec(message);
  if (!match) return null;
  return Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? '']));
}

/**
 * `message`, made by the server in `from` for `key` (`errors.login_locked`,
 * `validation.too_big_string`), said in `to`.
 */
export function translateServerMessage(
  message: string,
  key: string,
  from: Locale,
  to: Locale,
): string {
  if (from === to) return message;
  const source = template(from, key);
  const target = template(to, key);
  if (source === null || target === null) return message;
  const values = readValues(source, message);
  if (values === null) return message;
  return target.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}
