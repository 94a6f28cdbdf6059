import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { AuditFilter } from './schema.ts';

/*
 * The tenant key (`municipality_code`): the audit viewer reads one municipality's entries, the
 * caller's own; every query here matches it.
 */

/** The audit viewer's read of audit_log. */

/** Days in the filter are days in Copenhagen. */
const TIME_ZONE = 'Europe/Copenhagen';

/**
 * The municipality's entries matching the filter with their actor, newest first, from after the
 * cursor (occurred_at, id): one more than the page, to tell whether another page follows.
 */
export async function auditEntryRows(
  trx: Transaction<DB>,
  municipalityCode: string,
  filter: AuditFilter,
  cursor: { occurredAt: string; id: number } | undefined,
) {
  let query = trx
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select([
      'a.id',
      'a.occurred_at',
      'a.actor_user_id',
      'u.username',
      'u.display_name',
      'a.actor_role',
      'a.actor_unit_id',
      'a.action',
      'a.resource_type',
      'a.resource_id',
      'a.subject_person_id',
      'a.purpose',
      'a.legal_basis',
      'a.request_id',
      'a.break_glass',
      'a.details',
    ])
    .where('a.municipality_code', '=', municipalityCode)
    .orderBy('a.occurred_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.from) {
    query = query.where(
      sql<boolean>`a.occurred_at >= (${filter.from}::date)::timestamp at time zone ${TIME_ZONE}`,
    );
  }
  if (filter.to) {
    query = query.where(
      sql<boolean>`a.occurred_at < (${filter.to}::date + 1)::timestamp at time zone ${TIME_ZONE}`,
    );
  }
  if (filter.actorUserId) query = query.where('a.actor_user_id', '=', filter.actorUserId);
  if (filter.action) query = query.where('a.action', '=', filter.action);
  if (filter.resourceType) query = query.where('a.resource_type', '=', filter.resourceType);
  if (filter.resourceId) query = query.where('a.resource_id', '=', filter.resourceId);
  if (filter.subjectPersonId) {
    query = query.where('a.subject_person_id', '=', filter.subjectPersonId);
  }
  if (filter.breakGlass) query = query.where('a.break_glass', '=', filter.breakGlass === 'true');
  if (cursor) {
    query = query.where(
      sql<boolean>`(a.occurred_at, a.id) < (${cursor.occurredAt}::timestamptz, ${cursor.id})`,
    );
  }
  return query.execute();
}
