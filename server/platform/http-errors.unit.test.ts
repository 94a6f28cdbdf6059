import { describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { fieldProblems, installErrorHandler } from './http-errors.ts';
import { YEAR_RANGE } from './primitives.ts';

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

describe('mapping date and text problems to field problems', () => {
  it('names a date outside the year range date_out_of_range, with the range', () => {
    expect(
      fieldProblems('body', {
        keyword: 'invalid_format',
        instancePath: '/endsOn',
        params: { format: 'regex', pattern: String(YEAR_RANGE), input: '0000-01-01' },
      }),
    ).toEqual([
      { field: 'body.endsOn', code: 'date_out_of_range', params: { min: 1900, max: 2999 } },
    ]);
  });

  it('reports an empty string where a date must be given as required', () => {
    expect(
      fieldProblems('body', {
        keyword: 'invalid_format',
        instancePath: '/goals/0/targetDate',
        params: { format: 'date', input: '' },
      }),
    ).toEqual([{ field: 'body.goals.0.targetDate', code: 'required' }]);
  });

  it('names an empty choice from a list choose, and a wrong one invalid_value', () => {
    for (const params of [{}, { input: '' }, { input: null }]) {
      expect(
        fieldProblems('body', { keyword: 'invalid_value', instancePath: '/source', params }),
      ).toEqual([{ field: 'body.source', code: 'choose' }]);
    }
    expect(
      fieldProblems('body', {
        keyword: 'invalid_value',
        instancePath: '/source',
        params: { input: 'somewhere' },
      }),
    ).toEqual([{ field: 'body.source', code: 'invalid_value' }]);
  });

  it('names a date written right but not in the calendar date_not_exist', () => {
    const problem = (input: string) =>
      fieldProblems('body', {
        keyword: 'invalid_format',
        instancePath: '/birthDate',
        params: { format: 'date', input },
      });
    expect(problem('2003-02-31')).toEqual([{ field: 'body.birthDate', code: 'date_not_exist' }]);
    expect(problem('31.02.2003')).toEqual([{ field: 'body.birthDate', code: 'invalid_format' }]);
  });

  it('names a malformed e-mail address invalid_email, as the browser does', () => {
    expect(
      fieldProblems('body', {
        keyword: 'invalid_format',
        instancePath: '/email',
        params: { format: 'email', input: 'leder@skole' },
      }),
    ).toEqual([{ field: 'body.email', code: 'invalid_email' }]);
  });

  it('names text that cannot be stored invalid_characters', () => {
    expect(
      fieldProblems('body', { keyword: 'invalid_characters', instancePath: '/note', params: {} }),
    ).toEqual([{ field: 'body.note', code: 'invalid_characters' }]);
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

describe('a database data exception', () => {
  it('is never a 400 without a field: it is a schema gap, answered 500 and logged', async () => {
    const app = Fastify({ logger: false });
    installErrorHandler(app, 1024);
    app.get('/year-zero', async () => {
      throw Object.assign(new Error('date/time field value out of range: "0000-01-01"'), {
        code: '22008',
      });
    });
    const res = await app.inject({ url: '/year-zero' });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toMatchObject({ error: { code: 'internal' } });
    expect(res.body).not.toContain('0000-01-01');
    await app.close();
  });
});
