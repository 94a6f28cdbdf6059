import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { CaseListSchema } from '../../../../server/modules/cases/schema.ts';
import {
  CaseSortSchema,
  type CaseSort,
  type CoordinatorListSchema,
} from '../../../../server/modules/cases/overview-schema.ts';
import { ConcernLevelSchema, type ConcernLevel } from '../../../../shared/values.ts';
import { apiGet, apiSend, withQuery } from '../../app/api';
import { CASES_QUERY_KEY, isCaseStatus, type CaseStatus } from './casesApi';

/**
 * The case overview as the page asks for it. The filters and the sort live in the address (none
 * of them is personal data); the search text never does: it is sent in the body of
 * POST /api/cases/search and kept only in the page's state.
 */
type CaseList = z.infer<typeof CaseListSchema>;
export type { CaseSort };
export const CASE_SORTS = CaseSortSchema.options;
export const CONCERN_LEVELS = ConcernLevelSchema.options;

export interface OverviewFilters {
  status: CaseStatus | null;
  concernLevel: ConcernLevel | null;
  /** Only the cases the user coordinates. */
  mine: boolean;
  /** Only the cases this coordinator coordinates (one of GET /api/cases/coordinators). */
  coordinatorId: string | null;
  /** Only overdue (true), only not overdue (false), or both (null). */
  overdue: boolean | null;
  sort: CaseSort;
}

/** Newest first for the opened date; every other sort starts with the earliest date or A. */
export function sortDirection(sort: CaseSort): 'ascending' | 'descending' {
  return sort === 'opened' ? 'descending' : 'ascending';
}

function isConcernLevel(value: string | null): value is ConcernLevel {
  return CONCERN_LEVELS.some((level) => level === value);
}

function isSort(value: string | null): value is CaseSort {
  return CASE_SORTS.some((sort) => sort === value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters in the address (`?status=active&overdue=true&sort=nextFollowUp`). */
export function filtersFrom(params: URLSearchParams): OverviewFilters {
  const status = params.get('status');
  const concernLevel = params.get('concernLevel');
  const overdue = params.get('overdue');
  const sort = params.get('sort');
  return {
    status: isCaseStatus(status) ? status : null,
    concernLevel: isConcernLevel(concernLevel) ? concernLevel : null,
    mine: params.get('mine') === 'true',
    coordinatorId: UUID.test(params.get('coordinatorId') ?? '')
      ? params.get('coordinatorId')
      : null,
    overdue: overdue === 'true' ? true : overdue === 'false' ? false : null,
    sort: isSort(sort) ? sort : 'opened',
  };
}

/** The address's parameters for the filters; the defaults are left out. */
export function paramsOf(filters: OverviewFilters): Record<string, string> {
  const params: Record<string, string> = {};
  if (filters.status) params.status = filters.status;
  if (filters.concernLevel) params.concernLevel = filters.concernLevel;
  if (filters.mine) params.mine = 'true';
  if (filters.coordinatorId) params.coordinatorId = filters.coordinatorId;
  if (filters.overdue !== null) params.overdue = String(filters.overdue);
  if (filters.sort !== 'opened') params.sort = filters.sort;
  return params;
}

/** The overview's pages: GET with the filters, or POST with the search text as well. */
export function overviewQuery(filters: OverviewFilters, text: string) {
  return {
    queryKey: [...CASES_QUERY_KEY, 'overview', filters, text],
    queryFn: ({ pageParam, signal }: { pageParam: string | null; signal: AbortSignal }) => {
      if (text === '') {
        const query = { ...paramsOf(filters), after: pageParam };
        return apiGet<CaseList>(withQuery('/api/cases', query), { signal });
      }
      const { status, concernLevel, mine, coordinatorId, overdue, sort } = filters;
      const body = {
        ...(status && { status }),
        ...(concernLevel && { concernLevel }),
        ...(mine && { mine }),
        ...(coordinatorId && { coordinatorId }),
        ...(overdue !== null && { overdue }),
        sort,
        text,
        ...(pageParam && { after: pageParam }),
      };
      return apiSend<CaseList>('POST', '/api/cases/search', body, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last: CaseList) => last.nextCursor,
    // A search is a read of personal data (audited): not repeated behind the user's back.
    staleTime: text === '' ? 0 : 60_000,
  };
}

export function useCaseOverview(filters: OverviewFilters, text: string) {
  return useInfiniteQuery({ ...overviewQuery(filters, text), placeholderData: keepPreviousData });
}

/** The "Tovholder" choice: '' for all, 'mine', or a coordinator's id. */
export function coordinatorChoice(filters: OverviewFilters): string {
  return filters.mine ? 'mine' : (filters.coordinatorId ?? '');
}

/** The filters with a "Tovholder" choice: all, mine, or one coordinator (never two at once). */
export function withCoordinatorChoice(filters: OverviewFilters, choice: string): OverviewFilters {
  const coordinatorId = choice !== '' && choice !== 'mine' ? choice : null;
  return { ...filters, mine: choice === 'mine', coordinatorId };
}

export type CoordinatorList = z.infer<typeof CoordinatorListSchema>;
export const COORDINATORS_QUERY_KEY = [...CASES_QUERY_KEY, 'coordinators'] as const;

/** The coordinators the user may filter by (those of the cases the user may see). */
export function useFilterableCoordinators() {
  return useQuery({
    queryKey: COORDINATORS_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<CoordinatorList>('/api/cases/coordinators', { signal }),
    staleTime: 5 * 60_000,
  });
}
