import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';

/**
 * Generated bad input for the write routes, read from the OpenAPI document (issue 10, "the
 * adversarial suite"). Each route's valid request (from a fixture, or made up from the schema) is
 * changed one way at a time: one field set to a bad value of its kind, a required field left out,
 * the whole body replaced, a wrong content type, a malformed body, a malformed path id. Half of the
 * changes are fixed (the signature attack of every field: integers past 2^31, lone surrogates,
 * year 0, …), half drawn by fast-check with a fixed seed, so a run is repeatable.
 */
export interface JsonSchema {
  type?: string;
  format?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  nullable?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
}

export interface WriteOperation {
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The OpenAPI path, e.g. `/api/cases/{id}/notes`. */
  path: string;
  body: JsonSchema | null;
  params: string[];
  /** Request headers the operation declares (e.g. `idempotency-key`). */
  headers: string[];
}

export const operationName = (op: { method: string; path: string }) => `${op.method} ${op.path}`;

/** Every write operation under /api, from the app's own OpenAPI document. */
export async function writeOperations(app: FastifyInstance): Promise<WriteOperation[]> {
  const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: { in: string; name: string }[];
          requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
        }
      >
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => method !== 'get' && path.startsWith('/api/'))
      .map(([method, op]) => ({
        method: method.toUpperCase() as WriteOperation['method'],
        path,
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        params: (op.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
        headers: (op.parameters ?? []).filter((p) => p.in === 'header').map((p) => p.name),
      })),
  );
}

/** JSON text put into the body as is (numbers JSON.stringify cannot write, deep nesting). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** Serialises a body, writing RawJson values verbatim. */
export function serialise(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return (text ?? '').replace(
    /"\\u0001raw(\d+)\\u0001"/g,
    (_m, i: string) => raws[Number(i)] ?? '',
  );
}

export type Change =
  | { kind: 'field'; path: (string | number)[]; value: unknown }
  | { kind: 'missing'; path: (string | number)[] }
  | { kind: 'body'; value: unknown }
  | { kind: 'content-type'; contentType: string }
  | { kind: 'malformed'; text: string }
  | { kind: 'param'; name: string; value: string };

export interface Mutation {
  change: Change;
  /** Short, printable description (no 100 kB strings). */
  label: string;
}

interface Slot {
  path: (string | number)[];
  schema: JsonSchema;
  required: boolean;
}

const NIL = '00000000-0000-0000-0000-000000000000';
/** Past any maxLength and past the 64 kB body limit (a 413 is a fine answer to it). */
const HUGE = 'x'.repeat(100_000);
/** Any code point, lone surrogates and NUL included (fast-check's 'binary' unit takes seconds to build). */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
/** Nesting as deep as fits in the body limit. */
const DEEP_OBJECT = new RawJson('{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000));
const DEEP_ARRAY = new RawJson('['.repeat(25_000) + ']'.repeat(25_000));

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

const shorten = (v: unknown): string => {
  if (v instanceof RawJson)
    return v.text.length > 40 ? `raw(${v.text.slice(0, 12)}…×${v.text.length})` : v.text;
  const json = JSON.stringify(v) ?? String(v);
  const escaped = json.replace(/[\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
  return escaped.length > 60 ? `${escaped.slice(0, 24)}…(${escaped.length} chars)` : escaped;
};

export function describeChange(c: Change): string {
  switch (c.kind) {
    case 'field':
      return `body.${c.path.join('.')} = ${shorten(c.value)}`;
    case 'missing':
      return `body.${c.path.join('.')} left out`;
    case 'body':
      return `body = ${shorten(c.value)}`;
    case 'content-type':
      return `content-type ${c.contentType}`;
    case 'malformed':
      return `malformed body ${shorten(c.text)}`;
    case 'param':
      return `params.${c.name} = ${shorten(c.value)}`;
  }
}

const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json-patch+json',
];

/** The fixed changes and `count` drawn ones for an operation, from one seed. */
export function mutationsFor(op: WriteOperation, count: number, seed: number): Mutation[] {
  const slots = slotsOf(op.body);
  const changes: Change[] = [];
  for (const slot of slots)
    changes.push({ kind: 'field', path: slot.path, value: signatureValue(slot.schema) });
  for (const slot of slots.filter((s) => s.required))
    changes.push({ kind: 'missing', path: slot.path });
  for (const name of op.params) changes.push({ kind: 'param', name, value: 'not-a-uuid' });
  // Every write route, with a body schema or without: only JSON is accepted.
  changes.push({ kind: 'content-type', contentType: 'text/plain' });

  const bodyChange = fc.constantFrom<Change>(
    { kind: 'body', value: null },
    { kind: 'body', value: [] },
    { kind: 'body', value: 'x' },
    { kind: 'body', value: 42 },
    { kind: 'body', value: DEEP_OBJECT },
    { kind: 'body', value: DEEP_ARRAY },
    { kind: 'body', value: { unknownField: 1 } },
    { kind: 'malformed', text: '{"a":' },
    { kind: 'malformed', text: '{"a":1,}' },
    { kind: 'malformed', text: '{"__proto__":{"admin":true}}' },
    { kind: 'malformed', text: '{"constructor":{"prototype":{"admin":true}}}' },
    { kind: 'malformed', text: '\ufeff{}' },
  );
  const arbitraries: fc.Arbitrary<Change>[] = [bodyChange];
  if (slots.length > 0) {
    const field = fc.oneof(
      ...slots.map((s) =>
        badValue(s.schema).map((value): Change => ({ kind: 'field', path: s.path, value })),
      ),
    );
    // Bad field values twice as often as any other kind of change.
    arbitraries.push(
      field,
      field,
      fc.constantFrom(...slots).map((s): Change => ({ kind: 'missing', path: s.path })),
    );
  }
  arbitraries.push(
    fc
      .constantFrom(...CONTENT_TYPES)
      .map((contentType): Change => ({ kind: 'content-type', contentType })),
  );
  if (op.params.length > 0) {
    arbitraries.push(
      fc
        .tuple(
          fc.constantFrom(...op.params),
          fc.oneof(
            fc.constantFrom(
              'not-a-uuid',
              NIL,
              `${NIL}0`,
              '%00',
              '..%2F..',
              "'%20or%201=1",
              'x'.repeat(2000),
              '%ED%A0%80',
            ),
            fc.uuid(),
          ),
        )
        .map(([name, value]): Change => ({ kind: 'param', name, value })),
    );
  }
  const drawn = fc.sample(fc.oneof(...arbitraries), { seed, numRuns: count });
  return [...changes, ...drawn].map((change) => ({ change, label: describeChange(change) }));
}

/** The body with one change applied (a deep copy; missing parents are created). */
export function applyChange(base: unknown, change: Change): unknown {
  if (change.kind === 'body') return change.value;
  if (change.kind !== 'field' && change.kind !== 'missing') return base;
  const root: unknown = structuredClone(base ?? {});
  let node = root as Record<string | number, unknown>;
  for (const [i, key] of change.path.slice(0, -1).entries()) {
    const next = change.path[i + 1];
    if (typeof node[key] !== 'object' || node[key] === null)
      node[key] = typeof next === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  }
  const last = change.path[change.path.length - 1] ?? '';
  if (change.kind === 'missing') delete node[last];
  else node[last] = change.value;
  return root;
}

/** Which adversarial file sends bad input to a route; a route no group names falls to `other`. */
const ROUTE_GROUPS: [string, RegExp][] = [
  [
    'cases',
    /^\/api\/(break-glass$|cases\/\{id\}\/(members|notes|status|classification|assessments|plans))/,
  ],
  [
    'case-work',
    /^\/api\/cases\/\{id\}\/(interventions|consents|offers|follow-ups|closure|reviews)/,
  ],
  ['inquiries', /^\/api\/(inquiries|inquiry-drafts|persons|notifications)(\/|$)/],
];
export const groupOf = (path: string) =>
  ROUTE_GROUPS.find(([, re]) => re.test(path))?.[0] ?? 'other';
