import type { z } from 'zod';
import { ApiError } from '../../app/api';
import { issueMessage, saidIssue } from '../../ui/form';
import { SIGN_CODES, signTier, type ConcernSign } from './inquiriesApi';

/**
 * What the inquiry forms share on top of the one form layer (ui/form): checking a form's values
 * with the server's own request-body schema, and naming the body's fields (`receivedAt`,
 * `signs.2.note`) as the form's (`receivedDate`, `signs.extremist_media.note`), for the browser's
 * problems and the server's alike. And the concern signs as a form holds them.
 */

/** A form path for a path in the request body (`persons.0.new.givenName`); null: no such field. */
export type Rename = (bodyPath: string) => string | null;

/**
 * Adds the problems of `body` by the server's `schema` to a form's check, at the form's paths and
 * in the app's words. Paths in `taken` already have a problem of the form's own (a date it cannot
 * read) and get no second one.
 */
export function addBodyIssues(
  ctx: z.RefinementCtx,
  schema: z.ZodType,
  body: unknown,
  rename: Rename,
  taken: ReadonlySet<string> = new Set(),
) {
  const parsed = schema.safeParse(body, { error: issueMessage });
  if (parsed.success) return;
  const seen = new Set(taken);
  for (const issue of parsed.error.issues) {
    const path = rename(issue.path.join('.'));
    if (path === null || seen.has(path)) continue;
    seen.add(path);
    ctx.addIssue(saidIssue(path, issue.message));
  }
}

/**
 * The server's field problems renamed to the form's fields (`body.receivedAt` →
 * `body.receivedDate`), so the form layer puts them next to the fields. Other errors as they are.
 */
export function renameServerErrors(error: unknown, rename: Rename): unknown {
  if (!(error instanceof ApiError) || error.fields.length === 0) return error;
  const fields = error.fields.map((problem) => {
    const inBody = problem.field.startsWith('body.') ? problem.field.slice(5) : null;
    const renamed = inBody === null ? null : rename(inBody);
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
      },
    },
    { cause: error },
  );
}

/** The concern signs as a form holds them: each one checked or not, with its note. */
export type SignValues = Record<ConcernSign, { checked: boolean; note: string }>;

export function signValues(signs: readonly { code: ConcernSign; note: string | null }[] = []) {
  const values = {} as SignValues;
  for (const code of SIGN_CODES) values[code] = { checked: false, note: '' };
  for (const sign of signs) values[sign.code] = { checked: true, note: sign.note ?? '' };
  return values;
}

/** The checked signs in the list's order (the order of the body, so errors name the right one). */
export function checkedSigns(signs: SignValues): ConcernSign[] {
  return SIGN_CODES.filter((code) => signs[code]?.checked);
}

export function signsBody(signs: SignValues): { code: ConcernSign; note: string | null }[] {
  return checkedSigns(signs).map((code) => ({ code, note: signs[code].note.trim() || null }));
}

/** A serious sign or immediate danger: the inquiry becomes urgent, and the form says call 112/114. */
export function isUrgent(signs: SignValues, immediateDanger: boolean): boolean {
  return immediateDanger || checkedSigns(signs).some((code) => signTier(code) === 'serious');
}

/** `signs.2.note` (the third checked sign's note) → `signs.<code>.note`; null if not a sign's. */
export function renameSign(path: string, signs: SignValues): string | null {
  const match = /^signs\.(\d+)(?:\.(code|note))?$/.exec(path);
  if (!match) return null;
  const code = checkedSigns(signs)[Number(match[1])];
  if (!code) return null;
  return match[2] === 'note' ? `signs.${code}.note` : `signs.${code}.checked`;
}
