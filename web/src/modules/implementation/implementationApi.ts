import { useQuery } from '@tanstack/react-query';
import type {
  Checklist,
  CreateReview,
  ImplementationItem,
  ItemChange,
  Profile,
  ProfileVersion,
  Review,
  SaveProfile,
  UpdateItem,
} from '../../../../server/modules/implementation/schema.ts';
import { apiGet, apiSend } from '../../app/api';

/** The implementation follow-up of server/modules/implementation/routes.ts, as the web uses it. */
export type {
  Checklist,
  CreateReview,
  ImplementationItem,
  ItemChange,
  Profile,
  ProfileVersion,
  Review,
  SaveProfile,
  UpdateItem,
};
export {
  CreateReviewBody,
  SaveProfileBody,
  UpdateItemBody,
} from '../../../../server/modules/implementation/schema.ts';
export {
  IMPLEMENTATION_PARTS,
  ITEM_STATUSES,
  PROFILE_ACTORS,
  PROFILE_ANCHORING,
  PROFILE_FIELDS,
  PROFILE_GROUPS,
  PROFILE_STRATEGY,
  PROFILE_WORKFLOWS,
  ProfileAnswersSchema,
  type ImplementationPart,
  type ItemStatus,
  type ProfileAnswers,
} from '../../../../shared/implementation.ts';

export const IMPLEMENTATION_KEY = ['implementation'] as const;

export function useChecklist() {
  return useQuery({
    queryKey: [...IMPLEMENTATION_KEY, 'checklist'],
    queryFn: ({ signal }) => apiGet<Checklist>('/api/implementation', { signal }),
  });
}

export function useItemHistory(key: string) {
  return useQuery({
    queryKey: [...IMPLEMENTATION_KEY, 'history', key],
    queryFn: ({ signal }) =>
      apiGet<{ items: ItemChange[] }>(`/api/implementation/items/${key}/history`, { signal }),
  });
}

export function useResponsibleCandidates(enabled: boolean) {
  return useQuery({
    queryKey: [...IMPLEMENTATION_KEY, 'candidates'],
    queryFn: ({ signal }) =>
      apiGet<{ items: { id: string; name: string }[] }>(
        '/api/implementation/responsible-candidates',
        { signal },
      ),
    enabled,
  });
}

export function useProfile() {
  return useQuery({
    queryKey: [...IMPLEMENTATION_KEY, 'profile'],
    queryFn: ({ signal }) => apiGet<Profile>('/api/implementation/profile', { signal }),
  });
}

export const saveItem = (key: string, body: UpdateItem) =>
  apiSend<{ item: ImplementationItem }>('PUT', `/api/implementation/items/${key}`, body);

export const recordReview = (body: CreateReview) =>
  apiSend<{ review: Review }>('POST', '/api/implementation/reviews', body);

export const saveProfile = (body: SaveProfile) =>
  apiSend<Profile>('POST', '/api/implementation/profile', body);
