import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../test/database.ts';
import { client, type Client } from '../test/records.ts';
import {} from '../test/users.ts';
import {
  CPR_DIGITS,
  t,
  forum101,
  person,
  caller,
  fieldsOf,
  useLeakReviewFixtures,
} from './leak-review.fixtures.ts';

useLeakReviewFixtures();

describe(`leak review: strict input, and 400 rather than 500 (${testEngine})`, () => {
  /** Objects of a request body that accept unknown keys, as JSON-schema paths. */
  function looseObjects(schema: unknown, path: string, out: string[]) {
    if (typeof schema !== 'object' || schema === null) return;
    const s = schema as Record<string, unknown>;
    if (s.properties && typeof s.properties === 'object') {
      if (s.additionalProperties !== false) out.push(path);
      for (const [name, child] of Object.entries(s.properties)) {
        looseObjects(child, `${path}.${name}`, out);
      }
    }
    if (s.items) looseObjects(s.items, `${path}[]`, out);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const options = s[key];
      if (Array.isArray(options)) for (const o of options) looseObjects(o, path, out);
    }
  }

  it('every request body refuses unknown fields (400 naming them)', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<
        string,
        Record<
          string,
          { requestBody?: { content: Record<string, { schema: unknown }> } } | undefined
        >
      >;
    };
    const loose: string[] = [];
    let bodies = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const schema = op?.requestBody?.content['application/json']?.schema;
        if (!schema) continue;
        bodies += 1;
        looseObjects(schema, `${method.toUpperCase()} ${path} body`, loose);
      }
    }
    expect(bodies).toBeGreaterThan(20);
    // The browser's WebAuthn extension outputs are an open dictionary by the standard: unknown
    // entries are dropped there, never stored (webauthn-schema.ts).
    expect(loose.filter((p) => !p.endsWith('.clientExtensionResults'))).toEqual([]);

    const res = await caller('admin').post('/api/forums', {
      name: 'Infohus',
      municipalityCode: '147',
    });
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.municipalityCode']);
  });

  it('a malformed cursor answers 400 naming query.after, never 500', async () => {
    const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const cursors = [
      cursor({ t: '2026-01-01T00:00:00.000Z', id: 'x' }),
      cursor({ t: '2026-01-01T00:00:00.000Z', id: '99999999999999999999999' }),
      cursor({ t: '0000-01-01T00:00:00.000Z', id: randomUUID() }),
      cursor({ t: '0000-01-01T00:00:00.000Z', id: '7' }),
      'AAAA',
    ];
    const failures: string[] = [];
    for (const after of cursors) {
      const urls: [Client, string][] = [
        [caller('coordinator'), `/api/cases?after=${after}`],
        [caller('coordinator'), `/api/inquiries?after=${after}`],
        [caller('coordinator'), `/api/persons/${person.id}/access-report?after=${after}`],
        [caller('admin'), `/api/admin/audit?after=${after}`],
        [caller('admin'), `/api/admin/audit?after=${cursor(['0000-01-01T00:00:00.000Z', 1])}`],
      ];
      for (const [c, url] of urls) {
        const res = await c.get(url);
        if (res.statusCode !== 400 || !fieldsOf(res).includes('query.after')) {
          failures.push(`${res.statusCode} ${url}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('a NUL character in any text answers 400, never 500', async () => {
    const nul = 'Ha\u0000ns';
    const anonymous = client(t.app, null);
    const probes: [string, () => ReturnType<Client['get']>][] = [
      [
        'login',
        () => anonymous.post('/api/auth/login', { username: nul, password: 'x'.repeat(12) }),
      ],
      ['municipalities', () => anonymous.get('/api/municipalities?q=Ha%00ns')],
      ['admin users', () => caller('admin').get('/api/admin/users?q=Ha%00ns')],
      ['audit', () => caller('admin').get('/api/admin/audit?resourceId=Ha%00ns')],
      ['candidates', () => caller('admin').get(`/api/forums/${forum101.id}/candidates?q=Ha%00ns`)],
      ['forum', () => caller('admin').post('/api/forums', { name: nul })],
      [
        'person',
        () =>
          caller('coordinator').patch(`/api/persons/${person.id}`, { version: 1, givenName: nul }),
      ],
      [
        'intake',
        () =>
          caller('hotline').post(
            '/api/inquiries',
            {
              source: 'teacher',
              channel: 'phone',
              reporter: { anonymous: true },
              receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
              observation: nul,
              subjectKind: 'person',
            },
            { 'idempotency-key': `k-${randomUUID()}` },
          ),
      ],
    ];
    const failures: string[] = [];
    for (const [name, probe] of probes) {
      const res = await probe();
      if (res.statusCode !== 400) failures.push(`${name}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });

  it('a date the database cannot hold (year 0) answers 400, never 500', async () => {
    const probes: [string, () => ReturnType<Client['get']>][] = [
      ['audit from', () => caller('admin').get('/api/admin/audit?from=0000-01-01')],
      ['audit to', () => caller('admin').get('/api/admin/audit?to=0000-01-01')],
      [
        'duplicates',
        () =>
          caller('hotline').post('/api/persons/possible-duplicates', {
            givenName: 'Ha',
            birthDate: '0000-03-14',
          }),
      ],
      [
        'person',
        () =>
          caller('coordinator').patch(`/api/persons/${person.id}`, {
            version: 1,
            birthDate: '0000-01-01',
          }),
      ],
    ];
    const failures: string[] = [];
    for (const [name, probe] of probes) {
      const res = await probe();
      if (res.statusCode !== 400) failures.push(`${name}: ${res.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});

describe(`leak review: logs and URLs (${testEngine})`, () => {
  it('no CPR number, name or observation from an intake reaches the logs', async () => {
    const cpr = '020304-1236';
    const digits = '0203041236';
    const names = ['Gudrun', 'Vestergaard-Nielsen', 'Reporter Rasmussen'];
    const observation = 'Hemmelig iagttagelse om naboens søn';
    const receipt = await caller('hotline').post(
      '/api/inquiries',
      {
        source: 'relative',
        channel: 'phone',
        reporter: { anonymous: false, name: 'Reporter Rasmussen', contact: '87654321' },
        receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
        observation,
        subjectKind: 'person',
        persons: [{ new: { givenName: 'Gudrun', familyName: 'Vestergaard-Nielsen', cpr } }],
        signs: [{ code: 'extremist_media', note: null }],
      },
      { 'idempotency-key': `k-${randomUUID()}` },
    );
    expect(receipt.statusCode).toBe(201);
    const { id: inquiryId } = receipt.json() as { id: string };
    // Reads, searches, a refused CPR number and a failing request, all with the same data.
    await caller('hotline').post('/api/persons/possible-duplicates', { cpr });
    await caller('coordinator').get(`/api/inquiries/${inquiryId}`);
    await caller('coordinator').get('/api/inquiries');
    const [subject] = (
      (await caller('coordinator').get(`/api/inquiries/${inquiryId}`)).json() as {
        persons: { id: string }[];
      }
    ).persons;
    await caller('coordinator').post(`/api/persons/${subject?.id ?? ''}/cpr`, {});
    await caller('coordinator').patch(`/api/persons/${subject?.id ?? ''}`, {
      version: 1,
      cpr: '020304-123',
    });
    await caller('hotline').post('/api/persons/possible-duplicates', {
      givenName: 'Gudrun\u0000',
      birthDate: '0000-03-02',
    });
    expect(t.logs.length).toBeGreaterThan(0);
    const logs = JSON.stringify(t.logs);
    for (const secret of [cpr, digits, ...names, '87654321', observation, '0000-03-02']) {
      expect(logs, secret).not.toContain(secret);
    }
  });

  it('no operation takes a CPR number in its URL', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const inUrl = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) =>
        (op.parameters ?? [])
          .filter((p) => p.in === 'query' || p.in === 'path')
          .filter((p) => /cpr|personnummer|ssn/i.test(p.name) || /cpr/i.test(path))
          .map((p) => `${method.toUpperCase()} ${path} ${p.in}.${p.name}`),
      ),
    );
    // POST /api/persons/{id}/cpr has only the person's id in its path; the number is the answer.
    expect(inUrl.filter((p) => !p.startsWith('POST /api/persons/{id}/cpr path.id'))).toEqual([]);
    // The request log holds the route's path only, never a query string.
    await caller('coordinator').get(`/api/cases?status=active&x=${CPR_DIGITS}`);
    expect(JSON.stringify(t.logs)).not.toContain(CPR_DIGITS);
  });
});
