import { overdueAccessRequests } from '../access-requests/overdue.ts';
import { dated, type Loader } from './items.ts';

/**
 * access_request_overdue: a citizen's access request (aktindsigt) not released by its deadline —
 * for the municipality's data-protection role, and for the coordinator who registered it
 * (access-requests/overdue.ts). Due on the deadline; the task opens the request.
 */
export const overdueAccessRequestTasks: Loader = async ({ db, user }, _now, today) =>
  (await overdueAccessRequests(db, user, today)).map((r) =>
    dated('access_request_overdue', r.id, r.deadlineOn, today, {}),
  );
