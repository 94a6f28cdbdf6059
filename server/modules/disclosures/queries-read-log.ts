import { sql, type Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { Cursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';

/** The audit actions that show the case's data to someone. */
const READ_ACTIONS = ['read', 'search', 'export', 'print', 'break_glass'] as const;

/**
 * The case's read log: the audit entries about this case alone (`resource_type = 'case'` and its
 * id, in its municipality's chain — the partial index of 0035), one row per request (an entry is
 * written once per person of the case), newest first, keyset on (time, first entry id). One more
 * than `limit`.
 */
export async function readLogPage(
  db: Kysely<DB>,
  theCase: CaseKey,
  after: Cursor | null,
  limit: number,
) {
  const entries = db
    .selectFrom('audit_log as a')
    .select([
      (eb) => eb.fn.min('a.id').as('id'),
      'a.occurred_at',
      'a.action',
      'a.actor_role',
      'a.actor_unit_id',
      'a.actor_user_id',
      'a.purpose',
      'a.break_glass',
      sql<string | null>`a.details ->> 'read'`.as('part'),
    ])
    .where('a.municipality_code', '=', theCase.municipalityCode)
    .where('a.resource_type', '=', 'case')
    .where('a.resource_id', '=', theCase.caseId)
    .where('a.action', 'in', READ_ACTIONS)
    .$if(after !== null, (q) => q.where('a.occurred_at', '<=', new Date(after?.t ?? 0)))
    .groupBy([
      'a.request_id',
      'a.occurred_at',
      'a.action',
      'a.actor_role',
      'a.actor_unit_id',
      'a.actor_user_id',
      'a.purpose',
      'a.break_glass',
      sql`a.details ->> 'read'`,
    ]);
  return db
    .selectFrom(entries.as('r'))
    .leftJoin('units as un', 'un.id', 'r.actor_unit_id')
    .leftJoin('users as us', 'us.id', 'r.actor_user_id')
    .select([
      'r.id',
      'r.occurred_at',
      'r.action',
      'r.actor_role',
      'r.purpose',
      'r.break_glass',
      'r.part',
      'un.name as unit_name',
      'us.display_name',
    ])
    .$if(after !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('r.occurred_at', '<', new Date(after?.t ?? 0)),
          eb.and([
            eb('r.occurred_at', '=', new Date(after?.t ?? 0)),
            eb('r.id', '<', Number(after?.id ?? 0)),
          ]),
        ]),
      ),
    )
    .orderBy('r.occurred_at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(limit + 1)
    .execute();
}
