import fc from 'fast-check';
import { RawJson, type WriteOperation } from './bad-input-openapi.ts';
import {
  DEEP_ARRAY,
  DEEP_OBJECT,
  NIL,
  badValue,
  signatureValue,
  slotsOf,
} from './bad-input-values.ts';

/**
 * Generated bad input for the write routes, read from the OpenAPI document (issue 10, "the
 * adversarial suite"). Each route's valid request (from a fixture, or made up from the schema) is
 * changed one way at a time: one field set to a bad value of its kind, a required field left out,
 * the whole body replaced, a wrong content type, a malformed body, a malformed path id. Half of the
 * changes are fixed (the signature attack of every field: integers past 2^31, lone surrogates,
 * year 0, …), half drawn by fast-check with a fixed seed, so a run is repeatable.
 */
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
  ['retention', /^\/api\/admin\/retention\//],
  // Meeting the citizen on a case or an inquiry (0049): before the inquiries group.
  [
    'citizen-meetings',
    /^\/api\/(cases|inquiries)\/\{id\}\/(citizen-contact|contact-attempts|citizen-meetings)/,
  ],
  // The housing-area model's identification forms and area interventions (issue 16 parts 3, 5).
  ['area-work', /^\/api\/housing-areas\/\{id\}\/(identifications|interventions)/],
  // The network analysis map and the guidance texts (issue 15 parts 5 and 6).
  ['network-maps', /^\/api\/(cases\/\{id\}\/network-maps|admin\/guidance\/)/],
  // A housing area's mapping rounds (issue 16 part 2).
  ['area-rounds', /^\/api\/housing-areas\/\{areaId\}\/rounds/],
  // Housing areas, their zones and places, their partners (issue 16 part 1).
  [
    'housing-areas',
    /^\/api\/housing-areas(\/\{id\}(\/(archive|parts|partners)(\/\{(partId|userId)\}(\/(archive|revoke))?)?)?)?$/,
  ],
  // Across municipalities (issue 13 part 5): before the inquiries and cases groups.
  ['transfers', /^\/api\/(transfers\/|inquiries\/\{id\}\/forward$|cases\/\{id\}\/transfers$)/],
  [
    'cases',
    /^\/api\/(break-glass$|cases\/search$|cases\/\{id\}\/(members|member-candidates|persons|notes|status|classification|assessments|plans))/,
  ],
  [
    'case-work',
    /^\/api\/cases\/\{id\}\/(interventions|consents|offers|follow-ups|closure|reviews|filings|disclosures|notices)/,
  ],
  ['inquiries', /^\/api\/(inquiries|inquiry-drafts|persons|notifications)(\/|$)/],
  ['access-requests', /^\/api\/access-requests(\/|$)/],
  ['partners', /^\/api\/(partner\/|partner-activation$|cases\/\{id\}\/partner-access)/],
  // A meeting's agenda (issue 14): bad-input-agenda.int.test.ts.
  ['agenda', /^\/api\/meetings\/\{id\}\/agenda(\/|$)/],
  // A forum's meetings, their participants and guests (issue 14 part 2).
  ['meetings', /^\/api\/meetings(\/\{id\}(\/(cancel|participants|external-guests)(\/.*)?)?)?$/],
  // A meeting's minutes (issue 14 part 4): before any group of the meetings' other routes.
  ['minutes', /^\/api\/meetings\/\{id\}\/minutes/],
  // The implementation follow-up and the self-profile (issue 16 part 6).
  ['implementation', /^\/api\/implementation(\/|$)/],
  // The area analysis and the area action plan (issue 16 part 4).
  ['area-plans', /^\/api\/housing-areas\/\{id\}\/(analyses|action-plans)/],
];
export const groupOf = (path: string) =>
  ROUTE_GROUPS.find(([, re]) => re.test(path))?.[0] ?? 'other';
