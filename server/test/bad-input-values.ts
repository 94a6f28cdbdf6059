import fc from 'fast-check';
import { RawJson, type JsonSchema } from './bad-input-openapi.ts';

/** Bad values for one field of a schema: the signature attack of its kind and drawn ones. */
export interface Slot {
  path: (string | number)[];
  schema: JsonSchema;
  required: boolean;
}

export const NIL = '00000000-0000-0000-0000-000000000000';
/** Past any maxLength and past the 64 kB body limit (a 413 is a fine answer to it). */
const HUGE = 'x'.repeat(100_000);
/** Any code point, lone surrogates and NUL included (fast-check's 'binary' unit takes seconds to build). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
/** Nesting as deep as fits in the body limit. */
export const DEEP_OBJECT = new RawJson('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000));
export const DEEP_ARRAY = new RawJson('['.repeat(25_000) + ']'.repeat(25_000));

/** Every property the schema declares, nested objects and the first element of arrays included. */
export function slotsOf(schema: JsonSchema | null, path: (string | number)[] = []): Slot[] {
  const s = schema?.anyOf?.find((o) => o.type !== 'null') ?? schema;
  if (!s) return [];
  if (s.type === 'object' && s.properties) {
    return Object.entries(s.properties).flatMap(([key, prop]) => [
      { path: [...path, key], schema: prop, required: (s.required ?? []).includes(key) },
      ...slotsOf(prop, [...path, key]),
    ]);
  }
  if (s.type === 'array' && s.items) return slotsOf(s.items, [...path, 0]);
  return [];
}

const kindOf = (s: JsonSchema) => {
  const t = s.anyOf?.find((o) => o.type !== 'null') ?? s;
  if (t.enum) return 'enum';
  if (t.type === 'string' && t.format) return t.format; // date, date-time, uuid, email …
  return t.type ?? 'unknown';
};

/** The one attack every field of a kind gets, before the random ones. */
export function signatureValue(s: JsonSchema): unknown {
  switch (kindOf(s)) {
    case 'integer':
    case 'number':
      return 2 ** 31;
    case 'date':
      return '0000-01-01';
    case 'date-time':
      return '0000-01-01T00:00:00Z';
    case 'uuid':
      return 'not-a-uuid';
    case 'enum':
      return 'bogus';
    case 'boolean':
      return 'true';
    case 'array':
      return 'not-an-array';
    case 'object':
      return [];
    default:
      return 'A\ud800';
  }
}

/** Bad values for a field of this schema. */
export function badValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const t = s.anyOf?.find((o) => o.type !== 'null') ?? s;
  const wrongType = fc.constantFrom<unknown>(null, true, 0, -1, 1.5, [], {}, '', 'x', [null]);
  const max = t.maxLength ?? 10_000;
  const text = fc.oneof(
    fc.constantFrom(
      'x'.repeat(max + 1),
      HUGE,
      'A\ud800',
      '\udc00b',
      'a\ud83d',
      '\u0000',
      'før\u0000efter',
      '   ',
      '\u202e\u200b',
      "'; drop table cases; --",
      '<script>alert(1)</script>',
    ),
    fc.string({ unit: anyCodePoint, maxLength: 40 }),
    fc.string({ maxLength: 20 }).map((x) => `${x}\u0000${x}`),
  );
  switch (kindOf(s)) {
    case 'integer':
    case 'number':
      return fc.oneof(
        fc.constantFrom<unknown>(
          2 ** 31,
          2 ** 31 - 1,
          -(2 ** 31) - 1,
          2 ** 32,
          2 ** 53,
          2 ** 53 + 2,
          -(2 ** 53),
          1e308,
          0,
          -1,
          1.5,
          '1',
          '2147483648',
          new RawJson('1e400'),
          new RawJson('123456789012345678901234567890'),
          new RawJson('-0'),
        ),
        fc.integer(),
        fc.double(),
        wrongType,
      );
    case 'date':
      return fc.oneof(
        fc.constantFrom(
          '0000-01-01',
          '2026-02-30',
          '2025-02-29',
          '2026-13-01',
          '2026-00-10',
          '2026-04-31',
          '10000-01-01',
          '-0001-01-01',
          '0001-01-01',
          '9999-12-31',
          '1900-02-29',
          '2026-1-1',
          '20260101',
          '2026-01-01T00:00:00Z',
          '2026-01-01\u0000',
        ),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        wrongType,
      );
    case 'date-time':
      return fc.oneof(
        fc.constantFrom(
          '0000-01-01T00:00:00Z',
          '2026-02-30T12:00:00Z',
          '2026-01-01T24:00:00Z',
          '2026-01-01T23:60:00Z',
          '0001-01-01T00:00:00Z',
          '9999-12-31T23:59:59Z',
          '2026-01-01T00:00:00+14:59',
          '2026-01-01',
          'now',
        ),
        fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
        wrongType,
      );
    case 'uuid':
      return fc.oneof(
        fc.constantFrom(
          'not-a-uuid',
          NIL,
          'ffffffff-ffff-ffff-ffff-ffffffffffff',
          `${NIL}x`,
          '00000000-0000-4000-8000-00000000000g',
          "' or 1=1 --",
          `00000000-0000-4000-8000-000000000000\u0000`,
          'A\ud800',
        ),
        fc.uuid(),
        wrongType,
      );
    case 'enum':
      return fc.oneof(
        fc.constantFrom<unknown>(
          'bogus',
          '',
          'A\ud800',
          ...(t.enum ?? []).map((e) => `${String(e)}\u0000`),
        ),
        fc.constantFrom(...(t.enum ?? ['x']).map((e) => String(e).toUpperCase())),
        wrongType,
      );
    case 'boolean':
      return fc.oneof(fc.constantFrom<unknown>('true', 'false', 1, 0, 'yes'), wrongType);
    case 'array':
      return fc.oneof(
        fc.constant(Array.from({ length: (t.maxItems ?? 100) + 1 }, () => 'x')),
        fc.constantFrom<unknown>('not-an-array', [[[[[]]]]], DEEP_ARRAY, { 0: 'x' }),
        fc.array(text, { maxLength: 3 }),
        wrongType,
      );
    case 'object':
      return fc.oneof(
        fc.constantFrom<unknown>([], 'x', DEEP_OBJECT, { unknown: 1 }, { 'a\ud800': 1 }),
        wrongType,
      );
    default:
      return fc.oneof(text, text, wrongType);
  }
}
