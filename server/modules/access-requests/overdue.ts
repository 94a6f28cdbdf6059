import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../access/sessions.ts';
import { allows } from '../../access/policies.ts';
import type { DB } from '../../platform/db/schema.ts';
import { overdueRequests } from './queries.ts';

/**
 * The overdue access requests a user is to act on (the work list's `access_request_overdue`):
 * every request of the municipality not released by its deadline, for each of its data-protection
 * users (the only role that handles them). References only (the request's id and deadline).
 */
export async function overdueAccessRequests(
  db: Kysely<DB>,
  user: CurrentUser,
  today: string,
): Promise<{ id: string; deadlineOn: string }[]> {
  if (!user.municipalityCode || !allows(user, 'accessRequests.handle')) return [];
  const rows = await overdueRequests(db, user.municipalityCode, today);
  return rows.map((r) => ({ id: r.id, deadlineOn: r.deadline_on }));
}
