import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { SessionResponseBody } from '../../../server/modules/auth/schema.ts';
import { apiGet, setCsrfToken } from './api';

/** The answer of `GET /api/session`: who is logged in, how far, and what they may do. */
export type Session = SessionResponseBody;
export type SessionUser = NonNullable<Session['user']>;
export type Abilities = NonNullable<Session['abilities']>;

export const SESSION_QUERY_KEY = ['session'] as const;

export const ANONYMOUS_SESSION: Session = {
  state: 'anonymous',
  next: null,
  csrfToken: null,
  user: null,
  abilities: null,
};

/** Set by an explicit logout; see loggedOutOnPurpose. */
let loggedOut = false;

async function fetchSession(signal: AbortSignal): Promise<Session> {
  const session = await apiGet<Session>('/api/session', { signal });
  setCsrfToken(session.csrfToken);
  if (session.state === 'authenticated') loggedOut = false;
  return session;
}

/**
 * The current session. Every page asks for it (the header, the route guards), so it is fetched
 * once and shared; it is fetched again after each login step and when a request answers 401.
 */
export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/**
 * Fetches the session again (after a login step). Resolves when the new session is in place;
 * rejects when it could not be fetched, so the step can say so instead of going nowhere.
 */
export function refreshSession(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }, { throwOnError: true });
}

/** Cached answers that are the same for everyone (no personal data): kept across a logout. */
const PUBLIC_QUERIES = new Set<unknown>([SESSION_QUERY_KEY[0], 'meta']);

/**
 * Whether the user logged out on purpose (then the next login starts on the front page, not on
 * the page they left: on a shared PC the next person should not land there). Cleared by the next
 * login. Only read during render, so rendering twice gives the same answer.
 */
export function loggedOutOnPurpose(): boolean {
  return loggedOut;
}

/**
 * Forgets the logged-in user in this tab: the session becomes anonymous at once (so the header
 * and the route guards react), and every cached answer that may hold personal data is dropped.
 */
export function forgetSession(queryClient: QueryClient, options: { loggedOut?: boolean } = {}) {
  loggedOut = options.loggedOut ?? false;
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_QUERY_KEY, ANONYMOUS_SESSION);
  queryClient.removeQueries({ predicate: (query) => !PUBLIC_QUERIES.has(query.queryKey[0]) });
}
