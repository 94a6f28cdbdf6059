import { useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Forum,
  ForumCandidate,
  ForumDetail,
  ForumMember,
  UpdateForum,
} from '../../../../server/modules/forums/schema.ts';
import type { z } from 'zod';
import type { CreateForumBody } from '../../../../server/modules/forums/schema.ts';

type CreateForum = z.input<typeof CreateForumBody>;
import { apiGet, apiSend } from '../../app/api';

export type { Forum, ForumCandidate, ForumDetail, ForumMember };

export const FORUMS_KEY = 'forums';

export function useForumList() {
  return useQuery({
    queryKey: [FORUMS_KEY, 'list'],
    // The forums page shows archived forums too (marked); pickers elsewhere ask without.
    queryFn: ({ signal }) => apiGet<{ items: Forum[] }>('/api/forums?archived=include', { signal }),
    select: (data) => data.items,
  });
}

export function useForum(id: string) {
  return useQuery({
    queryKey: [FORUMS_KEY, 'one', id],
    queryFn: ({ signal }) =>
      apiGet<ForumDetail>(`/api/forums/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Users who may be added to the forum, matching the search text (empty: the first ones). */
export function useCandidates(id: string, q: string) {
  return useQuery({
    queryKey: [FORUMS_KEY, 'candidates', id, q],
    queryFn: ({ signal }) =>
      apiGet<{ items: ForumCandidate[] }>(
        `/api/forums/${encodeURIComponent(id)}/candidates${q ? `?q=${encodeURIComponent(q)}` : ''}`,
        { signal },
      ),
    select: (data) => data.items,
  });
}

export const createForum = (body: CreateForum) => apiSend<ForumDetail>('POST', '/api/forums', body);

/** A change of the forum: name, kind, cadence, or archived (only what is sent changes). */
export const renameForum = (id: string, body: UpdateForum) =>
  apiSend<ForumDetail>('PATCH', `/api/forums/${encodeURIComponent(id)}`, body);

export const addMember = (id: string, userId: string) =>
  apiSend<ForumDetail>('POST', `/api/forums/${encodeURIComponent(id)}/members`, { userId });

export const removeMember = (id: string, userId: string) =>
  apiSend<ForumDetail>(
    'DELETE',
    `/api/forums/${encodeURIComponent(id)}/members/${encodeURIComponent(userId)}`,
  );

/** After a change: the forum as the server answered it, and every list fetched again. */
export function useForumChanged() {
  const queryClient = useQueryClient();
  return async (forum: ForumDetail) => {
    queryClient.setQueryData([FORUMS_KEY, 'one', forum.id], forum);
    await queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey[0] === FORUMS_KEY &&
        !(query.queryKey[1] === 'one' && query.queryKey[2] === forum.id),
    });
  };
}
