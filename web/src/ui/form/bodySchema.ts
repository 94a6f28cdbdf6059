import type { FieldValues } from 'react-hook-form';
import { z } from 'zod';
import { ApiError } from '../../app/api';
import { issueMessage, saidIssue } from './messages';

/**
 * Forms whose values are not the request body (a date and a time for one `receivedAt`, a sign
 * per checkbox for a list of signs): the values are made into the body and checked with the
 * server's own schema for it, and the body's fields (`receivedAt`, `signs.2.note`) are named as
 * the form's (`receivedDate`, `signs.extremist_media.note`), for the browser's problems and the
 * server's alike.
 */

/** A form path for a path in the request body (`persons.0.new.givenName`); null: no such field. */
export type Rename = (bodyPath: string) => string | null;

/**
 * A form's check: its values are made into the request body (`toBody`) and checked with the
 * server's schema for it. The form's `onSubmit` gets the body; a problem is named by the body's
 * field, so a form names its values as the body does.
 */
export function bodyForm<V extends FieldValues, B extends z.ZodType<FieldValues>>(
  toBody: (values: V) => z.input<B>,
  body: B,
): z.ZodType<z.output<B>, V> {
  // The body's input is what `toBody` returns; Zod cannot see that through the generic type.
  const check = body as unknown as z.ZodType<z.output<B>, unknown>;
  return z
    .custom<V>(() => true)
    .transform((values): unknown => toBody(values))
    .pipe(check);
}

/**
 * Adds the problems of `body` by the server's `schema` to a form's check, at the form's paths and
 * in the app's words. Paths in `taken` already have a problem of the form's own (a date it cannot
 * read, a body checked before) and get no second one. Returns the paths that now have one.
 */
export function addBodyIssues(
  ctx: z.RefinementCtx,
  schema: z.ZodType,
  body: unknown,
  rename: Rename,
  taken: ReadonlySet<string> = new Set(),
): ReadonlySet<string> {
  const seen = new Set(taken);
  const parsed = schema.safeParse(body, { error: issueMessage });
  if (parsed.success) return seen;
  for (const issue of parsed.error.issues) {
    const path = rename(issue.path.join('.'));
    if (path === null || seen.has(path)) continue;
    seen.add(path);
    ctx.addIssue(saidIssue(path, issue.message));
  }
  return seen;
}

/**
 * The server's field problems renamed to the form's fields (`body.receivedAt` →
 * `body.receivedDate`), so the form layer puts them next to the fields; code, request id and meta
 * stay. `parts` are the parts of the server's field names renamed as the body's (a check of the
 * stored record names its fields `plan.goals.1.text`); problems elsewhere (`params.id`) and those
 * `rename` gives null stay as they are. Other errors as they are.
 */
export function renameServerErrors(
  error: unknown,
  rename: Rename,
  parts: readonly string[] = ['body'],
): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((problem) => {
    const dot = problem.field.indexOf('.');
    const inPart = dot > 0 && parts.includes(problem.field.slice(0, dot));
    const renamed = inPart ? rename(problem.field.slice(dot + 1)) : null;
    return renamed === null ? problem : { ...problem, field: `body.${renamed}` };
  });
  return new ApiError(
    error.status,
    {
      error: {
        code: error.code,
        message: error.serverMessage ?? '',
        requestId: error.requestId ?? '',
        fields,
        meta: error.meta,
      },
    },
    { cause: error },
  );
}
