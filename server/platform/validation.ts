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
    if (result.success) return { value: result.data };
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
