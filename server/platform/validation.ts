import type { FastifySchemaCompiler } from 'fastify';
import type { ZodType } from 'zod';

/**
 * Zod validation for every route part (body, query, params, headers). Issues keep the input so
 * the error handler can tell "missing" from "wrong type"; the input is never sent back.
 */
export interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

export class RequestValidationError extends Error {
  constructor(readonly validation: ValidationIssue[]) {
    super('request validation failed');
  }
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) {
      // One rule for every text: PostgreSQL cannot hold a NUL character, and a lone UTF-16
      // surrogate is not text (jsonb refuses it, a text column would store U+FFFD instead).
      // Refuse both here, with a 400 naming the field, rather than fail in the database (500).
      const bad = unstorableTextPath(result.data, []);
      if (!bad) return { value: result.data };
      return {
        error: new RequestValidationError([
          {
            keyword: 'invalid_characters',
            instancePath: `/${bad.join('/')}`,
            message: 'text that cannot be stored',
            params: {},
          },
        ]),
      };
    }
    const issues: ValidationIssue[] = result.error.issues.map((issue) => {
      const { code, path, message, ...params } = issue;
      return {
        keyword: code,
        instancePath: `/${path.map(String).join('/')}`,
        message,
        params,
      };
    });
    return { error: new RequestValidationError(issues) };
  };

/** A high surrogate not followed by a low one, or a low surrogate without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Text PostgreSQL can store: no NUL character, and well-formed UTF-16. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The path of the first string (value or key) that cannot be stored as text, if any. */
function unstorableTextPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = unstorableTextPath(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, 'key'];
      const found = unstorableTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
