import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type ErrorCode, type FieldProblem } from './errors.ts';
import { localeFromHeader, translate, type Locale } from './i18n/index.ts';
import { YEAR_MAX, YEAR_MIN, YEAR_RANGE } from './primitives.ts';

/** The JSON body of every error response. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    requestId: string;
    fields?: { field: string; code: string; message: string }[];
    meta?: Record<string, unknown>;
  };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'bad_request',
  FST_ERR_CTP_INVALID_JSON_BODY: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

interface ZodIssueLike {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Turns one Zod issue (as fastify-type-provider-zod passes it) into field problems. */
export function fieldProblems(context: string, issue: ZodIssueLike): FieldProblem[] {
  const path = issue.instancePath.split('/').filter(Boolean).join('.');
  const field = path ? `${context}.${path}` : context;
  const p = issue.params;
  switch (issue.keyword) {
    case 'unrecognized_keys': {
      const keys = Array.isArray(p.keys) ? p.keys.map(String) : [];
      return keys.map((key) => ({ field: `${field}.${key}`, code: 'unrecognized_keys' }));
    }
    case 'invalid_type':
      return p.input === undefined
        ? [{ field, code: 'required' }]
        : [{ field, code: 'invalid_type', params: { expected: String(p.expected) } }];
    case 'too_small':
    case 'too_big': {
      const origin = String(p.origin ?? 'number');
      const kind = origin === 'string' || origin === 'array' ? origin : 'number';
      const limit = issue.keyword === 'too_small' ? 'minimum' : 'maximum';
      if (kind === 'string' && issue.keyword === 'too_small' && Number(p.minimum) === 1) {
        return [{ field, code: 'required' }];
      }
      return [{ field, code: `${issue.keyword}_${kind}`, params: { [limit]: Number(p[limit]) } }];
    }
    case 'invalid_format':
      // An empty string where a formatted value (a date …) must be given is a missing value.
      if (p.input === '') return [{ field, code: 'required' }];
      // Written as a date (2003-02-31) but not a day of the calendar: say that, not the format.
      if (
        p.format === 'date' &&
        typeof p.input === 'string' &&
        /^\d{4}-\d{2}-\d{2}$/.test(p.input)
      ) {
        return [{ field, code: 'date_not_exist' }];
      }
      if (p.format === 'regex' && p.pattern === String(YEAR_RANGE)) {
        return [{ field, code: 'date_out_of_range', params: { min: YEAR_MIN, max: YEAR_MAX } }];
      }
      // As the browser says it (web/src/ui/form/messages.ts): "Skriv en gyldig e-mailadresse".
      if (p.format === 'email') return [{ field, code: 'invalid_email' }];
      return [{ field, code: issue.keyword }];
    case 'invalid_value':
      // Nothing chosen from a list (missing, null or ''): "Vælg …", not "not one of the allowed".
      if (p.input === undefined || p.input === null || p.input === '') {
        return [{ field, code: 'choose' }];
      }
      return [{ field, code: issue.keyword }];
    case 'invalid_characters':
      return [{ field, code: issue.keyword }];
    default:
      return [{ field, code: 'invalid' }];
  }
}

function body(
  locale: Locale,
  code: ErrorCode,
  requestId: string,
  extra: {
    fields?: FieldProblem[];
    params?: Record<string, string | number>;
    meta?: Record<string, unknown>;
  } = {},
): ErrorBody {
  return {
    error: {
      code,
      message: translate(locale, `errors.${code}`, { requestId, ...extra.params }),
      requestId,
      ...(extra.fields && {
        fields: extra.fields.map((f) => ({
          field: f.field,
          code: f.code,
          message: translate(locale, `validation.${f.code}`, f.params),
        })),
      }),
      ...(extra.meta && { meta: extra.meta }),
    },
  };
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ErrorCode,
  status: number,
  extra?: Parameters<typeof body>[3],
) {
  const locale = localeFromHeader(request.headers['accept-language']);
  return reply
    .status(status)
    .header('cache-control', 'no-store')
    .send(body(locale, code, request.id, extra));
}

/**
 * Errors Fastify raises before a route is found (`frameworkErrors`): a path that does not decode
 * (`%ED%A0%80`, a lone surrogate) names the path as the bad field, in the same body as every
 * other error.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendError(request, reply, 'validation_failed', 400, {
      fields: [{ field: 'params', code: 'invalid_format' }],
    });
  }
  return sendError(request, reply, 'bad_request', 400);
}

export function installErrorHandler(app: FastifyInstance, bodyLimit: number) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      return sendError(request, reply, error.code, error.status, error.options);
    }
    if (error.validation && error.code === 'FST_ERR_VALIDATION') {
      const context =
        error.validationContext === 'querystring' ? 'query' : (error.validationContext ?? 'body');
      const fields = (error.validation as unknown as ZodIssueLike[]).flatMap((issue) =>
        fieldProblems(context, issue),
      );
      return sendError(request, reply, 'validation_failed', 400, { fields });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) {
      const status = mapped === 'validation_failed' ? 400 : (error.statusCode ?? 400);
      return sendError(request, reply, mapped, status, {
        params: { limit: bodyLimit },
      });
    }
    if (error.statusCode === 429) return sendError(request, reply, 'rate_limited', 429);
    // Two requests raced to create the same thing: the loser is told to reload, not "500".
    // (Expected duplicates are answered by the modules with a field error before this.)
    if (isUniqueViolation(error)) {
      request.log.warn({ constraint: 'unique' }, 'unique violation answered as a conflict');
      return sendError(request, reply, 'conflict', 409);
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendError(request, reply, 'bad_request', error.statusCode);
    }
    // A value the database cannot hold (SQLSTATE class 22: a date in year 0, an integer past
    // int4, a lone surrogate in jsonb) is a gap in a request schema, not an answer: a 400 from
    // here could not name the field. The schemas refuse such values (platform/primitives.ts,
    // validation.ts); one that slips through is a defect, logged by its code only (the message
    // echoes the value).
    if (isDataException(error)) {
      request.log.error(
        { sqlstate: sqlstate(error) },
        'data exception: a request schema let it through',
      );
      return sendError(request, reply, 'internal', 500);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendError(request, reply, 'internal', 500);
  });

  app.setNotFoundHandler((request, reply) => sendError(request, reply, 'not_found', 404));
}

/** The SQLSTATE of a database error (node-postgres and PGlite both report it in `code`). */
function sqlstate(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null && (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/** PostgreSQL's unique_violation. */
function isUniqueViolation(error: unknown): boolean {
  return sqlstate(error) === '23505';
}

/** PostgreSQL's data exceptions (class 22): a value the database cannot store or compare. */
function isDataException(error: unknown): boolean {
  return /^22[0-9A-Z]{3}$/.test(sqlstate(error) ?? '');
}
