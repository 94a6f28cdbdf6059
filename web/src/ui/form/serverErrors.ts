import type { FieldError, FieldValues, UseFormReturn } from 'react-hook-form';
import { ApiError, isStale, type ApiFieldError } from '../../app/api';

/**
 * The server's field problems on the form's fields. The server names a field by where it was in
 * the request (`body.goals.0.text`); the form by its path (`goals.0.text`). Problems of fields the
 * form does not hold (`params.id`, a field without a default value) go to `root.server`, which
 * the error summary shows without a link. A stale edit (409) is left to `StaleNotice`.
 */

/** Any react-hook-form form, whatever its value types. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = UseFormReturn<any, any, any>;
/** What a form of any values is accepted as. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type SomeForm<T extends FieldValues = any> = UseFormReturn<T, any, any>;

/** The type of a field error that came from the server. */
const SERVER = 'server';

// The last server error put on each form, said again after a language switch.
const applied = new WeakMap<object, ApiError>();

/**
 * `body.goals.0.text` → `goals.0.text` (and `query.from` → `from`, for a search form); null for
 * problems outside the body or query.
 */
export function formFieldName(serverField: string): string | null {
  const match = /^(?:body|query)\.(.+)$/.exec(serverField);
  return match?.[1] ?? null;
}

/** Whether `error` is the server error last put on the form's fields. */
export function appliedTo<T extends FieldValues>(someForm: SomeForm<T>, error: unknown): boolean {
  return applied.get(someForm.control) === error;
}

function at(node: unknown, path: string): unknown {
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function put(form: AnyForm, problems: ApiFieldError[]): string[] {
  const values: FieldValues = form.getValues();
  const named: string[] = [];
  const other: string[] = [];
  for (const problem of problems) {
    const name = formFieldName(problem.field);
    if (name !== null && at(values, name) !== undefined) {
      if (named.includes(name)) continue;
      named.push(name);
      // The code goes along, so a choice field says "Vælg …" for the server's `choose`.
      form.setError(name, {
        type: SERVER,
        message: problem.message,
        types: { [problem.code]: problem.message },
      });
    } else {
      other.push(problem.message);
    }
  }
  if (other.length > 0) {
    form.setError('root.server', { type: SERVER, message: [...new Set(other)].join(' ') });
  }
  return named;
}

/**
 * Puts the server's field problems of `error` on the form and focuses the first field with a
 * problem (`focus: false` leaves focus alone, e.g. for the error summary to take it). Returns
 * whether it put any problem on the form; false for other errors (network, 403, stale …).
 */
export function applyServerErrors<T extends FieldValues>(
  someForm: SomeForm<T>,
  error: unknown,
  options: { focus?: boolean } = {},
): boolean {
  if (isStale(error) || !(error instanceof ApiError) || error.fields.length === 0) return false;
  const form = someForm as unknown as AnyForm;
  applied.set(form.control, error);
  const first = put(form, error.fields)[0];
  if (options.focus !== false && first !== undefined) form.setFocus(first);
  return true;
}

function showsServerError(form: AnyForm, problem: ApiFieldError): boolean {
  const name = formFieldName(problem.field);
  const path = name !== null && at(form.getValues(), name) !== undefined ? name : 'root.server';
  return (at(form.formState.errors, path) as FieldError | undefined)?.type === SERVER;
}

/**
 * Says the form's problems again in the current language: the browser's own by validating
 * again (once the form has been submitted), the server's from the error they came with
 * (ApiError translates its messages to the current language).
 */
export async function relabelErrors<T extends FieldValues>(someForm: SomeForm<T>): Promise<void> {
  const form = someForm as unknown as AnyForm;
  if (!form.formState.isSubmitted) return;
  const error = applied.get(form.control);
  const shown = error ? error.fields.filter((problem) => showsServerError(form, problem)) : [];
  await form.trigger();
  if (shown.length > 0) put(form, shown);
}
