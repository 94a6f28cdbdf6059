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
      // PostgreSQL text cannot hold a NUL character: refuse it here (400 naming the field)
      // rather than fail in the database (500).
      const nul = nulPath(result.data, []);
      if (!nul) return { value: result.data };
      return {
        error: new RequestValidationError([
          {
            keyword: 'invalid_format',
            instancePath: `/${nul.join('/')}`,
            message: 'NUL character',
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

/** The path of the first string (value or key) holding a NUL character, if any. */
function nulPath(value: unknown, path: string[]): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, [...path, String(i)]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes('\u0000')) return [...path, 'key'];
      const found = nulPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
