import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api';
import { TASKS_QUERY_KEY } from '../modules/tasks/tasksApi';
import { SESSION_QUERY_KEY } from './session';

/** Retry once on network and server errors; client errors (4xx) will not change by retrying. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/** The server no longer knows the session (expired, logged out elsewhere). */
function isSessionGone(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'unauthenticated';
}

export function createQueryClient(): QueryClient {
  // When a request finds the session gone, fetch the session again: the route guards then send
  // the user to the login page instead of showing an error on every page.
  const onError = (error: unknown, queryKey?: readonly unknown[]) => {
    if (!isSessionGone(error) || queryKey?.[0] === SESSION_QUERY_KEY[0]) return;
    void client.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  };
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onError(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error) => onError(error),
      // Any change may add or settle a task (a follow-up held, a plan approved, an inquiry
      // triaged): "Mine opgaver" and the start page's work list are fetched again when next shown
      // — here once, rather than in every mutation that changes a task. Marked stale only, not
      // fetched at once: after logging out, the page still showing the work list would ask for
      // it without a session.
      onSuccess: () => client.invalidateQueries({ queryKey: TASKS_QUERY_KEY, refetchType: 'none' }),
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000 },
    },
  });
  return client;
}
