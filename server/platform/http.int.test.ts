import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../app.ts';
import { AppError } from './errors.ts';
import type { ErrorBody } from './http-errors.ts';
import { startTestApp, testConfig, testKeys, type TestApp } from '../test/app.ts';
import { freshDatabase, testEngine } from '../test/database.ts';
import { openDatabase } from './db/index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Test-only routes that exercise the error paths no product route reaches yet.
  t.app.post(
    '/api/test/echo',
    {
      config: { policy: 'public' },
      schema: {
        hide: true,
        body: z.object({ name: z.string().min(1).max(20), age: z.number().int().min(0) }).strict(),
      },
    },
    async (request) => request.body,
  );
  t.app.get('/api/test/conflict', { config: { policy: 'public' }, schema: { hide: true } }, () => {
    throw new AppError('conflict', { meta: { currentVersion: 4 } });
  });
  t.app.get('/api/test/crash', { config: { policy: 'public' }, schema: { hide: true } }, () => {
    throw new Error('secret detail: Jensen 010190-1234');
  });
});
afterAll(() => t.close());

/** Posts `payload` to the test route that echoes a valid body. */
const echo = (payload: string | Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/test/echo', headers, payload });

function errorOf(body: string) {
  return (JSON.parse(body) as ErrorBody).error;
}

describe(`error format (${testEngine})`, () => {
  it('names each bad field with a translated message and stores nothing', async () => {
    const res = await echo({ name: '', age: 1.5, role: 'admin' });
    expect(res.statusCode).toBe(400);
    const error = errorOf(res.body);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toMatch(/Ret de markerede felter/);
    expect(error.requestId).toBe(res.headers['x-request-id']);
    expect(error.fields).toEqual([
      { field: 'body.name', code: 'required', message: 'Feltet skal udfyldes.' },
      { field: 'body.age', code: 'invalid_type', message: expect.stringContaining('forkert type') },
      {
        field: 'body.role',
        code: 'unrecognized_keys',
        message: expect.stringContaining('kendes ikke'),
      },
    ]);
  });

  it('answers in English when the client prefers English', async () => {
    const res = await echo(
      { name: 'x'.repeat(21), age: -1 },
      { 'accept-language': 'en-GB,en;q=0.9,da;q=0.5' },
    );
    const error = errorOf(res.body);
    expect(error.message).toMatch(/Correct the marked fields/);
    expect(error.fields?.map((f) => [f.field, f.message])).toEqual([
      ['body.name', 'Must be at most 20 characters.'],
      ['body.age', 'Must be at least 0.'],
    ]);
  });

  it('reports a missing field as required', async () => {
    const res = await echo({ name: 'a' });
    expect(errorOf(res.body).fields).toEqual([
      { field: 'body.age', code: 'required', message: 'Feltet skal udfyldes.' },
    ]);
  });

  it('rejects malformed JSON with 400 bad_request', async () => {
    const res = await echo('{"name": "a",', { 'content-type': 'application/json' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res.body).code).toBe('bad_request');
  });

  it('rejects an oversized body with 413 and names the limit', async () => {
    const res = await echo({ name: 'a', age: 1, pad: 'x'.repeat(testConfig.bodyLimitBytes) });
    expect(res.statusCode).toBe(413);
    const error = errorOf(res.body);
    expect(error.code).toBe('payload_too_large');
    expect(error.message).toContain(String(testConfig.bodyLimitBytes));
  });

  it('rejects a non-JSON content type with 415', async () => {
    const res = await echo('<a/>', { 'content-type': 'text/xml' });
    expect(res.statusCode).toBe(415);
    expect(errorOf(res.body).code).toBe('unsupported_media_type');
  });

  it('maps AppError codes to statuses and passes safe meta through', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res.body)).toMatchObject({ code: 'conflict', meta: { currentVersion: 4 } });
  });

  it('hides the cause of an unexpected error and gives an id to quote', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/test/crash' });
    expect(res.statusCode).toBe(500);
    const error = errorOf(res.body);
    expect(error.code).toBe('internal');
    expect(res.body).not.toContain('Jensen');
    expect(error.message).toContain(error.requestId);
  });

  it('answers an unknown API path with a JSON 404', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(errorOf(res.body).code).toBe('not_found');
    const post = await t.app.inject({ method: 'DELETE', url: '/api/municipalities/101' });
    expect(post.statusCode).toBe(404);
  });
});

describe('OpenAPI document', () => {
  it('is a valid OpenAPI 3 document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const validator = new Validator();
    const result = await validator.validate(
      JSON.parse(res.body) as Parameters<Validator['validate']>[0],
    );
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route the app serves (except the web app fallback and test routes)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = JSON.parse(res.body) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    const served = t.app.routeRecords
      .filter((r) => r.method !== 'HEAD' && r.url !== '/*' && !r.url.startsWith('/api/test/'))
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(served.length).toBeGreaterThan(5);
    expect(documented).toEqual(served);
  });
});

describe('access policy declaration (deny by default)', () => {
  it('every registered route names a policy', () => {
    expect(t.app.routeRecords.length).toBeGreaterThan(0);
    for (const route of t.app.routeRecords) expect(route.policy, route.url).toBeTruthy();
  });

  it('refuses to start with a route that declares no policy', async () => {
    const database = await freshDatabase({ migrated: false });
    try {
      const app = await buildApp(testConfig, database, { keys: testKeys });
      expect(() => app.get('/api/unguarded', async () => 'open')).toThrow(
        /declares no access policy/,
      );
      await app.close();
    } finally {
      await database.close();
    }
  });
});

describe('headers, logs and metrics', () => {
  it('sends a strict CSP without inline scripts, and no-store on API answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/municipalities?limit=1' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('logs request paths without query strings', async () => {
    await t.app.inject({ method: 'GET', url: '/api/municipalities?q=Hansen%20Jensen' });
    const text = JSON.stringify(t.logs);
    expect(text).toContain('/api/municipalities');
    expect(text).not.toContain('Hansen');
  });

  it('exposes Prometheus metrics labelled by route template, not raw URL', async () => {
    await t.app.inject({ method: 'GET', url: '/api/municipalities/101' });
    const res = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain('tovholder_http_request_duration_seconds_bucket');
    expect(res.body).toContain('route="/api/municipalities/:code"');
    expect(res.body).not.toContain('/api/municipalities/101');
  });
});

describe('health', () => {
  it('is 200 {"status":"ok"} while the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('is 503 when the database is stopped', async () => {
    const database = await freshDatabase();
    const app = await buildApp(testConfig, database, { keys: testKeys });
    await app.ready();
    await database.close();
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'unavailable' });
    await app.close();
  });

  it.runIf(testEngine === 'postgres')(
    'is 503 when the PostgreSQL server cannot be reached',
    async () => {
      const database = await openDatabase({
        kind: 'postgres',
        url: 'postgres://nobody@127.0.0.1:1/none',
        poolMax: 1,
      });
      const app = await buildApp(testConfig, database, { keys: testKeys });
      const res = await app.inject({ method: 'GET', url: '/healthz' });
      expect(res.statusCode).toBe(503);
      await app.close();
      await database.close();
    },
  );
});
