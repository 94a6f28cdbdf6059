import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * Structured logs without personal data. Request URLs are logged as their route template
 * (`/api/persons/:id`), never with query strings, and cookies, tokens and database error
 * details (which can echo values) are not serialised.
 */
export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'tovholder' },
    redact: {
      paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
      remove: true,
    },
    serializers: {
      err: serializeError,
      error: serializeError,
    },
  };
}

export function createLogger(level: string): Logger {
  return pino(loggerOptions(level));
}

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  stack?: unknown;
  statusCode?: unknown;
}

/** Keeps only fields that cannot hold user-typed values (drops pg's `detail`, `where`, …). */
export function serializeError(err: unknown): Record<string, unknown> {
  if (typeof err !== 'object' || err === null) return { message: String(err) };
  const e = err as ErrorLike;
  return {
    type: typeof e.name === 'string' ? e.name : 'Error',
    code: typeof e.code === 'string' ? e.code : undefined,
    statusCode: typeof e.statusCode === 'number' ? e.statusCode : undefined,
    message: typeof e.message === 'string' ? e.message : undefined,
    stack: typeof e.stack === 'string' ? e.stack : undefined,
  };
}
