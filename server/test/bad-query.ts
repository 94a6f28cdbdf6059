import { beforeAll, expect, it } from 'vitest';
import type { TestApp } from './app.ts';
import type { LoggedIn } from './users.ts';

/**
 * Bad query parameters for the read routes that take them (issue 10: malformed ids and cursors),
 * from the OpenAPI document: every query parameter of every GET gets the bad values of its kind —
 * cursors that do not decode or name year 0, ids that are not ids, integers past 2^31 and 2^53,
 * impossible dates, NUL, an encoded lone surrogate, 3,000 characters. The answer is never a 5xx,
 * and a 400 names the parameter's field.
 */
const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const ID = '00000000-0000-4000-8000-000000000000';

/** Already URL-encoded: `%ED%A0%80` is a lone surrogate, which encodeURIComponent refuses. */
const COMMON = ['', '%00', '%ED%A0%80', 'x'.repeat(3_000), '%27%20or%201%3D1%20--', 'A,B'];
const BY_KIND: Record<string, string[]> = {
  cursor: [
    'x',
    '!!!!',
    cursor('not an object'),
    cursor({ t: '0000-01-01T00:00:00Z', id: ID }),
    cursor({ t: '2026-02-30T00:00:00Z', id: ID }),
    cursor({ t: '2026-01-01T00:00:00+14:00', id: ID }),
    cursor({ t: '2026-01-01T00:00:00Z', id: '999999999999999999999' }),
    cursor({ t: '2026-01-01T00:00:00Z', id: `${ID}\u0000` }),
    cursor({ t: '9999-12-31T23:59:59Z', id: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }),
  ],
  integer: ['0', '-1', '1.5', '2147483648', '9007199254740993', '1e400', 'NaN', '0x10'],
  uuid: ['not-a-uuid', `${ID}0`, '00000000-0000-4000-8000-00000000000g', ID.toUpperCase()],
  date: ['0000-01-01', '2026-02-30', '0000-01-01T00:00:00Z', '10000-01-01', 'now'],
  boolean: ['yes', '2', 'TRUE'],
};

interface QueryOperation {
  path: string;
  policy: string;
  params: { name: string; kind: string }[];
}

function kindOf(name: string, schema: { type?: string; format?: string } | undefined): string {
  if (name === 'after') return 'cursor';
  if (schema?.type === 'integer' || schema?.type === 'number') return 'integer';
  if (schema?.type === 'boolean') return 'boolean';
  if (schema?.format === 'uuid' || /Id$/.test(name)) return 'uuid';
  if (schema?.format === 'date' || schema?.format === 'date-time' || /^(from|to)$/.test(name))
    return 'date';
  return 'text';
}

/**
 * A test of every GET route with query parameters whose policy `policies` accepts, called as the
 * context's caller.
 */
export function badQueryTests(options: {
  policies: (policy: string) => boolean;
  /** The app, the caller, and the id to put into `{id}` of a route's path. */
  context: () => { t: TestApp; caller: LoggedIn; idFor: (path: string) => string };
  /** Counts for the file's report. */
  sent: { count: number; fivexx: number; unnamed400: number };
}) {
  let ops: QueryOperation[] = [];
  beforeAll(async () => {
    const doc = (
      await options.context().t.app.inject({ method: 'GET', url: '/api/openapi.json' })
    ).json() as {
      paths: Record<
        string,
        {
          get?: {
            'x-policy': string;
            parameters?: { in: string; name: string; schema?: { type?: string } }[];
          };
        }
      >;
    };
    ops = Object.entries(doc.paths).flatMap(([path, { get }]) => {
      const query = (get?.parameters ?? []).filter((p) => p.in === 'query');
      if (!get || query.length === 0 || !options.policies(get['x-policy'])) return [];
      return [
        {
          path,
          policy: get['x-policy'],
          params: query.map((p) => ({ name: p.name, kind: kindOf(p.name, p.schema) })),
        },
      ];
    });
  });
  it('ASVS 2.2.1, 16.5.3: read routes answer bad query parameters (cursors, ids, limits, dates) without a 5xx, naming the field in every 400', async () => {
    expect(ops.length).toBeGreaterThan(0);
    const { t, caller, idFor } = options.context();
    const failures: string[] = [];
    for (const op of ops) {
      const path = op.path.replace('{id}', idFor(op.path));
      for (const param of op.params) {
        for (const value of [...(BY_KIND[param.kind] ?? []), ...COMMON]) {
          const res = await t.app.inject({
            method: 'GET',
            url: `${path}?${param.name}=${value}`,
            headers: { cookie: caller.cookie },
          });
          options.sent.count += 1;
          const shown = value.length > 40 ? `${value.slice(0, 20)}…(${value.length})` : value;
          if (res.statusCode >= 500) {
            options.sent.fivexx += 1;
            failures.push(`5xx: GET ${op.path} ← query.${param.name}=${shown} → ${res.statusCode}`);
          }
          const fields = res.statusCode === 400 ? fieldsOf(res.body) : ['-'];
          if (fields.length === 0) {
            options.sent.unnamed400 += 1;
            failures.push(
              `400 without field: GET ${op.path} ← query.${param.name}=${shown} → ${res.body.slice(0, 80)}`,
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
}

/** The line for a file's report. */
export const queryReport = (
  name: string,
  s: { count: number; fivexx: number; unnamed400: number },
) =>
  `[adversarial] bad query ${name}: ${s.count} requests, ${s.fivexx} × 5xx, ${s.unnamed400} × 400 without field`;

function fieldsOf(body: string): unknown[] {
  try {
    return (JSON.parse(body) as { error?: { fields?: unknown[] } }).error?.fields ?? [];
  } catch {
    return [];
  }
}
