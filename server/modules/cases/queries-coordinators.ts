import type { Kysely } from 'kysely';
import { visibleCase } from '../../access/records.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The overview's coordinator filter: the users who coordinate at least one case the caller may
 * see (the same need-to-know condition as the overview, so the list names no one the overview's
 * own coordinator column would not show). Each join matches the tenant key next to the case id.
 */
type Db = Kysely<DB>;

/** The coordinators of the caller's visible cases, by name: ids and names only. */
export async function coordinatorsOfVisibleCases(db: Db, user: CurrentUser) {
  return db
    .selectFrom('cases')
    .innerJoin('case_members as cm', (join) =>
      join
        .onRef('cm.case_id', '=', 'cases.id')
        .onRef('cm.municipality_code', '=', 'cases.municipality_code'),
    )
    .innerJoin('users as u', 'u.id', 'cm.user_id')
    .where('cm.role', '=', 'coordinator')
    .where(visibleCase(user))
    .select(['u.id', 'u.display_name'])
    .distinct()
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
}

/** The user coordinates a case the caller may see (the filter's id is one of the list's). */
export async function coordinatesVisibleCase(
  db: Db,
  user: CurrentUser,
  coordinatorId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('cases')
    .innerJoin('case_members as cm', (join) =>
      join
        .onRef('cm.case_id', '=', 'cases.id')
        .onRef('cm.municipality_code', '=', 'cases.municipality_code'),
    )
    .where('cm.role', '=', 'coordinator')
    .where('cm.user_id', '=', coordinatorId)
    .where(visibleCase(user))
    .select('cm.user_id')
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
