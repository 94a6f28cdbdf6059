import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { fieldProblems, installErrorHandler } from './http-errors.ts';

describe('mapping validation issues to field problems', () => {
  it('names nested fields with their request part', () => {
    expect(
      fieldProblems('body', {
        keyword: 'too_big',
        instancePath: '/persons/0/name',
        params: { origin: 'string', maximum: 200 },
      }),
    ).toEqual([{ field: 'body.persons.0.name', code: 'too_big_string', params: { maximum: 200 } }]);
  });

  it('lists each unknown key as its own field (no mass assignment)', () => {
    expect(
      fieldProblems('body', {
        keyword: 'unrecognized_keys',
        instancePath: '/',
        params: { keys: ['role', 'id'] },
      }),
    ).toEqual([
      { field: 'body.role', code: 'unrecognized_keys' },
      { field: 'body.id', code: 'unrecognized_keys' },
    ]);
  });

  it('tells a missing value from a wrong type', () => {
    expect(
      fieldProblems('query', {
        keyword: 'invalid_type',
        instancePath: '/limit',
        params: { expected: 'number' },
      }),
    ).toEqual([{ field: 'query.limit', code: 'required' }]);
    expect(
      fieldProblems('query', {
        keyword: 'invalid_type',
        instancePath: '/limit',
        params: { expected: 'number', input: 'x' },
      }),
    ).toEqual([{ field: 'query.limit', code: 'invalid_type', params: { expected: 'number' } }]);
  });
});

describe('the error handler', () => {
  it('answers a unique violation that escaped a module as 409 conflict, not 500', async () => {
    const app = Fastify({ logger: false });
    installErrorHandler(app, 1024);
    app.get('/race', async () => {
      throw Object.assign(new Error('duplicate key value violates unique constraint'), {
        code: '23505',
      });
    });
    const res = await app.inject({ url: '/race', headers: { 'accept-language': 'da' } });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'conflict' } });
    expect(res.body).not.toContain('duplicate key');
    await app.close();
  });
});
