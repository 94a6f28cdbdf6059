import { beforeAll, describe, expect, it, vi } from 'vitest';
import type * as Api from '../../app/api';
import type * as ServerErrors from './serverErrors';

/** The real i18n in Danish, its default (no DOM here: a stand-in for `<html lang>`). */
let ApiError: typeof Api.ApiError;
let applyServerErrors: typeof ServerErrors.applyServerErrors;
let formFieldName: typeof ServerErrors.formFieldName;

beforeAll(async () => {
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  ({ ApiError } = await import('../../app/api'));
  ({ applyServerErrors, formFieldName } = await import('./serverErrors'));
});

function fakeForm(values: Record<string, unknown>) {
  return {
    control: {},
    getValues: () => values,
    setError: vi.fn(),
    setFocus: vi.fn(),
  };
}

function rejected(fields: { field: string; code: string; message: string }[], status = 400) {
  const code = status === 409 ? 'conflict' : 'validation_failed';
  return new ApiError(status, {
    error: { code, message: 'Ret felterne.', requestId: 'r', fields },
  });
}

type Form = Parameters<typeof ServerErrors.applyServerErrors>[0];

describe('applyServerErrors', () => {
  it('names a field by its path in the form', () => {
    expect(formFieldName('body.goals.0.text')).toBe('goals.0.text');
    expect(formFieldName('body.name')).toBe('name');
    expect(formFieldName('query.from')).toBe('from');
    expect(formFieldName('params.id')).toBeNull();
    expect(formFieldName('body')).toBeNull();
  });

  it("puts the server's problems on the fields and focuses the first", () => {
    const form = fakeForm({ name: '', goals: [{ text: 'x' }] });
    const error = rejected([
      { field: 'body.goals.0.text', code: 'too_big_string', message: 'Må højst være 500 tegn.' },
      { field: 'body.name', code: 'required', message: 'Feltet skal udfyldes.' },
      { field: 'body.name', code: 'too_small_string', message: 'Skal være mindst 2 tegn.' },
    ]);
    expect(applyServerErrors(form as unknown as Form, error)).toBe(true);
    expect(form.setError.mock.calls).toEqual([
      [
        'goals.0.text',
        {
          type: 'server',
          message: 'Må højst være 500 tegn.',
          types: { too_big_string: 'Må højst være 500 tegn.' },
        },
      ],
      // The code goes along: a choice field says "Vælg …" for `required` and `choose`.
      [
        'name',
        {
          type: 'server',
          message: 'Feltet skal udfyldes.',
          types: { required: 'Feltet skal udfyldes.' },
        },
      ],
    ]);
    expect(form.setFocus).toHaveBeenCalledWith('goals.0.text');
  });

  it('says problems of fields the form does not hold without a field, and can leave focus', () => {
    const form = fakeForm({ name: '' });
    const error = rejected([
      { field: 'params.id', code: 'invalid_format', message: 'Forkert format.' },
      { field: 'body.version', code: 'required', message: 'Feltet skal udfyldes.' },
    ]);
    expect(applyServerErrors(form as unknown as Form, error, { focus: false })).toBe(true);
    expect(form.setError.mock.calls).toEqual([
      ['root.server', { type: 'server', message: 'Forkert format. Feltet skal udfyldes.' }],
    ]);
    expect(form.setFocus).not.toHaveBeenCalled();
  });

  it('leaves a stale edit, other failures and errors without fields alone', () => {
    const form = fakeForm({ name: '' });
    expect(applyServerErrors(form as unknown as Form, rejected([], 409))).toBe(false);
    expect(applyServerErrors(form as unknown as Form, rejected([]))).toBe(false);
    expect(applyServerErrors(form as unknown as Form, new Error('boom'))).toBe(false);
    expect(applyServerErrors(form as unknown as Form, new ApiError(0, undefined))).toBe(false);
    expect(form.setError).not.toHaveBeenCalled();
  });
});
