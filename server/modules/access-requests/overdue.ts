import type { Kysely } from 'kysely';
import type { CurrentUser } from '../../access/sessions.ts';
import { allows } from '../../access/policies.ts';
import type { DB } from '../../platform/db/schema.ts';
import { overdueRequests } from './queries.ts';

/**
 * The overdue access requests a user is to act on (the work list's `access_request_overdue`):
 * for the municipality's data-protection role every request not released by its deadline, for a
 * coordinator those they registered. References only (the request's id and deadline), no names.
 */
export async function overdueAccessRequests(
  db: Kysely<DB>,
  user: CurrentUser,
  today: string,
): Promise<{ id: string; deadlineOn: string }[]> {
  if (!user.municipalityCode || !allows(user, 'accessRequests.handle')) return [];
  const all = user.roles.includes('data_protection');
  const rows = await overdueRequests(db, user.municipalityCode, today, all ? null : user.id);
  return rows.map((r) => ({ id: r.id, deadlineOn: r.deadline_on }));
}
