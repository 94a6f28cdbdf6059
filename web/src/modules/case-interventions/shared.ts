import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError } from '../../app/api';
import { CASES_QUERY_KEY } from '../cases/casesApi';

/** After a change: refresh the case (header, chronology) and this tab. */
export function useRefreshCase() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.invalidateQueries({ queryKey: [...CASES_QUERY_KEY] }),
    [queryClient],
  );
}

/** A client-generated id for a create: a repeated request returns the same record. */
export function newId(): string {
  return crypto.randomUUID();
}

/** The error names this field problem code (e.g. consent_required). */
export function hasFieldCode(error: unknown, code: string): boolean {
  return error instanceof ApiError && error.fields.some((f) => f.code === code);
}
