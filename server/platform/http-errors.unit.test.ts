import { describe, expect, it } from 'vitest';
import { fieldProblems } from './http-errors.ts';

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
