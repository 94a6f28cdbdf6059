import { currentLanguage, type Language } from './i18n';
import { translateServerMessage } from './serverMessages';

/** One field problem in a server error (validation). */
export interface ApiFieldError {
  field: string;
  code: string;
  message: string;
}

/** The body of every error response from the Tovholder API. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    requestId: string;
    fields?: ApiFieldError[];
    /** Extra facts about the error, e.g. `currentVersion` for a stale change (409). */
    meta?: Record<string, unknown>;
  };
}

/**
 * A failed API call. `status` is the HTTP status, or 0 when the server could not be reached.
 * `serverMessage` and the fields' messages are the server's (translated) texts, meant to be shown
 * to the user; they are said in the current language, also after a language switch
 * (./serverMessages.ts), so an error on screen follows the switch.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly meta: Record<string, unknown>;
  /** The language the request asked for, which the server's texts are in. */
  readonly language: Language;
  readonly #message: string | undefined;
  readonly #fields: ApiFieldError[];

  constructor(
    status: number,
    body: ApiErrorBody | undefined,
    options: { cause?: unknown; code?: string; language?: Language } = {},
  ) {
    const code =
      body?.error.code ?? options.code ?? (status === 0 ? 'network_error' : `http_${status}`);
    super(`API request failed: ${code}`, { cause: options.cause });
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.language = options.language ?? currentLanguage();
    this.#message = body?.error.message || undefined;
    this.requestId = body?.error.requestId;
    this.#fields = body?.error.fields ?? [];
    this.meta = isRecord(body?.error.meta) ? body.error.meta : {};
  }

  /** The server's message for the error, in the current language. */
  get serverMessage(): string | undefined {
    if (this.#message === undefined) return undefined;
    return translateServerMessage(
      this.#message,
      `errors.${this.code}`,
      this.language,
      currentLanguage(),
    );
  }

  /** The server's field problems, their messages in the current language. */
  get fields(): ApiFieldError[] {
    const to = currentLanguage();
    return this.#fields.map((field) => ({
      ...field,
      message: translateServerMessage(field.message, `validation.${field.code}`, this.language, to),
    }));
  }
}

/**
 * A stale edit: someone else saved the record since it was read (409 `conflict`, optimistic
 * locking). Other 409 answers (a duplicate, the last coordinator …) say what is wrong themselves.
 * Shown with the one `StaleNotice` (ui/StaleNotice.tsx).
 */
export function isStale(error: unknown): error is ApiError {
  return error instanceof ApiError && error.code === 'conflict' && error.fields.length === 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (!isRecord(value) || !isRecord(value.error)) return false;
  const { code, message, requestId, fields } = value.error;
  return (
    typeof code === 'string' &&
    typeof message === 'string' &&
    typeof requestId === 'string' &&
    (fields === undefined || Array.isArray(fields))
  );
}

async function readErrorBody(response: Response): Promise<ApiErrorBody | undefined> {
  try {
    const body: unknown = await response.json();
    return isApiErrorBody(body) ? body : undefined;
  } catch {
    return undefined; // Not JSON, e.g. a proxy's error page.
  }
}

/**
 * The session's CSRF token, sent as `x-csrf-token` with every state-changing request. It comes
 * from `GET /api/session` (see useSession) and from each auth response, which issues a new one.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null) {
  csrfToken = token;
}

/** Takes a new CSRF token from a response body that carries one (the auth responses do). */
function rememberCsrfToken(body: unknown) {
  if (isRecord(body) && typeof body.csrfToken === 'string') csrfToken = body.csrfToken;
}

/** GET a JSON resource from the API in the user's language. Throws ApiError on failure. */
export async function apiGet<T>(path: string, options: { signal?: AbortSignal } = {}): Promise<T> {
  const language = currentLanguage();
  const response = await fetchOk(
    path,
    {
      method: 'GET',
      headers: { Accept: 'application/json', 'Accept-Language': language },
      signal: options.signal,
    },
    language,
  );
  return (await readJson(response, language)) as T;
}

/**
 * `fetch` with the session's cookie. A failed request (the server not reached) or an error
 * status becomes an ApiError; an aborted one throws as it is.
 */
async function fetchOk(path: string, init: RequestInit, language: Language): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch (cause) {
    if (init.signal?.aborted) throw cause;
    throw new ApiError(0, undefined, { cause, language });
  }
  if (!response.ok) {
    throw new ApiError(response.status, await readErrorBody(response), { language });
  }
  return response;
}

/** The JSON body of a successful response; one that is not JSON is an ApiError. */
async function readJson(response: Response, language: Language): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    throw new ApiError(response.status, undefined, { cause, code: 'invalid_response', language });
  }
}

export type ApiMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * Send a state change to the API with the session's CSRF token. `body` goes as JSON; without a
 * body no content type is sent (the server rejects an empty JSON body). `headers` adds request
 * headers (e.g. an Idempotency-Key). Resolves with the JSON
 * answer, or `undefined` for 204 No Content. Throws ApiError on failure.
 */
export async function apiSend<T = void>(
  method: ApiMethod,
  path: string,
  body?: unknown,
  options: { signal?: AbortSignal; headers?: Record<string, string> } = {},
): Promise<T> {
  const language = currentLanguage();
  const headers: Record<string, string> = {
    ...options.headers,
    Accept: 'application/json',
    'Accept-Language': language,
  };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetchOk(
    path,
    {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
    },
    language,
  );
  if (response.status === 204) return undefined as T;
  const result = await readJson(response, language);
  rememberCsrfToken(result);
  return result as T;
}

/**
 * `path` with a query string of the parameters that have a value (`/api/tasks?kind=goal`); a
 * parameter that is null, undefined or '' is left out, and with none left, `path` as it is.
 */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
