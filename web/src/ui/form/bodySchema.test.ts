import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type * as Api from '../../app/api';
import type * as Layer from './bodySchema';

let ApiError: typeof Api.ApiError;
let addBodyIssues: typeof Layer.addBodyIssues;
let bodyForm: typeof Layer.bodyForm;
let renameServerErrors: typeof Layer.renameServerErrors;

beforeAll(async () => {
  // i18n reads the page's language; a bare node test has no page.
  (globalThis as { document?: unknown }).document ??= { documentElement: {} };
  ({ ApiError } = await import('../../app/api'));
  ({ addBodyIssues, bodyForm, renameServerErrors } = await import('./bodySchema'));
});

/** A request body as a server module declares it, and a form that holds it otherwise. */
const Body = z.object({ receivedAt: z.iso.datetime(), note: z.string().max(5) }).strict();
type Values = { date: string; note: string };
const toBody = (values: Values) => ({ receivedAt: `${values.date}T10:00:00Z`, note: values.note });
const rename = (path: string) => (path === 'receivedAt' ? 'date' : path === 'note' ? path : null);

describe('forms whose values are not the request body', () => {
  it('checks the body the values make with the server schema, and submits that body', () => {
    const schema = bodyForm(toBody, Body);
    expect(schema.parse({ date: '2026-03-01', note: 'ok' })).toEqual({
      receivedAt: '2026-03-01T10:00:00Z',
      note: 'ok',
    });
    const failed = schema.safeParse({ date: '2026-03-01', note: 'too long' });
    expect(failed.success ? [] : failed.error.issues.map((i) => i.path.join('.'))).toEqual([
      'note',
    ]);
  });

  it("names the body's problems at the form's fields, once, and not where the form has one", () => {
    let taken: ReadonlySet<string> = new Set();
    const schema = z
      .custom<Values>(() => true)
      .superRefine((values, ctx) => {
        taken = addBodyIssues(ctx, Body, toBody(values), rename, new Set(['note']));
      });
    const failed = schema.safeParse({ date: 'x', note: 'too long' });
    expect(failed.success ? [] : failed.error.issues.map((i) => i.path.join('.'))).toEqual([
      'date',
    ]);
    expect([...taken]).toEqual(['note', 'date']);
  });

  it("renames the server's field problems to the form's fields and leaves other errors", () => {
    const error = new ApiError(400, {
      error: {
        code: 'validation_failed',
        message: 'Ret felterne.',
        requestId: 'r-1',
        meta: { currentVersion: 4 },
        fields: [
          { field: 'body.receivedAt', code: 'invalid_format', message: 'Forkert format.' },
          { field: 'body.version', code: 'required', message: 'Feltet skal udfyldes.' },
          { field: 'params.id', code: 'invalid_format', message: 'Forkert format.' },
        ],
      },
    });
    const renamed = renameServerErrors(error, rename);
    expect(renamed).toBeInstanceOf(ApiError);
    const fields = (renamed as Api.ApiError).fields.map((f) => f.field);
    expect(fields).toEqual(['body.date', 'body.version', 'params.id']);
    expect((renamed as Api.ApiError).requestId).toBe('r-1');
    expect((renamed as Api.ApiError).meta).toEqual({ currentVersion: 4 });

    const network = new ApiError(0, undefined);
    expect(renameServerErrors(network, rename)).toBe(network);
    const plain = new Error('boom');
    expect(renameServerErrors(plain, rename)).toBe(plain);
  });

  it("renames the problems of a stored record's check too, when told its part", () => {
    const error = new ApiError(422, {
      error: {
        code: 'validation_failed',
        message: 'Ret felterne.',
        requestId: 'r-2',
        fields: [
          { field: 'plan.receivedAt', code: 'required', message: 'Feltet skal udfyldes.' },
          { field: 'plan.status', code: 'plan_submitted', message: 'Allerede indsendt.' },
        ],
      },
    });
    const fields = (e: unknown) => (e as Api.ApiError).fields.map((f) => f.field);
    expect(fields(renameServerErrors(error, rename, ['body', 'plan']))).toEqual([
      'body.date',
      'plan.status',
    ]);
    expect(fields(renameServerErrors(error, rename))).toEqual(['plan.receivedAt', 'plan.status']);
  });
});
