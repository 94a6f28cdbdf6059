import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiGet, apiSend } from '../../app/api';
import { useSession } from '../../app/session';
import type { NotificationList } from '../../../../server/modules/notifications/schema.ts';

/** The answer of `GET /api/notifications`; the text is made here from each item's `kind`. */
export type { NotificationList };
export type Notification = NotificationList['items'][number];

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;

/** How often the header asks for new notifications while the user is logged in. */
const POLL_MS = 60_000;

/** The latest notifications and the unread count, polled every minute once logged in. */
export function useNotifications() {
  const loggedIn = useSession().data?.state === 'authenticated';
  return useQuery({
    queryKey: NOTIFICATIONS_QUERY_KEY,
    queryFn: ({ signal }) => apiGet<NotificationList>('/api/notifications', { signal }),
    enabled: loggedIn,
    refetchInterval: POLL_MS,
    staleTime: 15_000,
  });
}

/** Marks one notification as read, then fetches the list (and the count) again. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiSend('POST', `/api/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });
}
