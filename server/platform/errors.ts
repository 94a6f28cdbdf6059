/**
 * One error type for the whole server. Every failure a client can see has a stable string code;
 * the code decides the HTTP status and the translation key of the message. Never map errors by
 * matching on message text.
 */
export const ERROR_STATUS = {
  validation_failed: 400,
  bad_request: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  invalid_code: 401,
  security_key_failed: 401,
  security_key_not_added: 400,
  security_key_limit: 409,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  already_member: 409,
  inquiry_decided: 409,
  inquiry_not_decided: 409,
  nothing_to_review: 409,
  four_eyes_same_person: 409,
  closure_four_eyes_same_person: 409,
  too_many_drafts: 409,
  last_coordinator: 409,
  duplicate: 409,
  meeting_not_in_model: 409,
  meeting_cancelled: 409,
  // A meeting with minutes keeps the agenda, people, time and place they record (issue 14).
  meeting_has_minutes: 409,
  self_lockout: 409,
  // Approved minutes are read-only; a correction is a new version (issue 14 part 4).
  minutes_approved: 409,
  network_map_final: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  login_locked: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldProblem {
  /** Where the bad value is, e.g. `body.name` or `query.limit`. */
  field: string;
  /** Stable machine code of the problem, e.g. `too_small`. */
  code: string;
  /** Parameters for the translated message, e.g. `{ minimum: 1 }`. */
  params?: Record<string, string | number>;
}

export interface AppErrorOptions {
  fields?: FieldProblem[];
  params?: Record<string, string | number>;
  /** Extra data safe to show the client, e.g. `{ currentVersion: 4 }` on a conflict. */
  meta?: Record<string, unknown>;
  cause?: unknown;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly options: AppErrorOptions = {},
  ) {
    // The message is for developers and logs only; it never contains personal data.
    super(code, { cause: options.cause });
    this.name = 'AppError';
    this.status = ERROR_STATUS[code];
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(ERROR_STATUS, value);
}

/**
 * A change made against a stale version: 409 with the version now stored (null when the record
 * is gone), so the client can reload it.
 */
export function staleVersion(currentVersion: number | null): AppError {
  return new AppError('conflict', { meta: { currentVersion } });
}

/** The optimistic lock's check: the version the client sent must be the one stored, else 409. */
export function requireVersion(stored: number, sent: number): void {
  if (stored !== sent) throw staleVersion(stored);
}
