import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * What a document's letterhead reads about a case (documents.ts): its coordinator as contact
 * person. The tenant key (`municipality_code`, db/migrations/0015) is matched next to the id.
 */

/** The case's first coordinator (by when they joined), with unit and e-mail; undefined if none. */
export async function caseCoordinator(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units', (j) =>
      j
        .onRef('units.id', '=', 'm.unit_id')
        .onRef('units.municipality_code', '=', 'm.municipality_code'),
    )
    .select(['u.display_name', 'u.email', 'units.name as unit_name'])
    .where('m.case_id', '=', theCase.caseId)
    .where('m.municipality_code', '=', theCase.municipalityCode)
    .where('m.role', '=', 'coordinator')
    .orderBy('m.added_at')
    .orderBy('u.display_name')
    .limit(1)
    .executeTakeFirst();
}
