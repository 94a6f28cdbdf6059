import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Retention's deletion of persons (docs/RETENTION.md), through the persons module that owns the
 * register: of the given persons, those that no remaining case or inquiry names are deleted
 * (their relations and any other row that belongs to them follow by cascade). A person another
 * record still names, or an access request is about, stays. Returns how many went.
 */
export async function deleteUnreferencedPersons(
  db: Kysely<DB>,
  municipalityCode: string,
  personIds: readonly string[],
): Promise<number> {
  if (personIds.length === 0) return 0;
  const result = await db
    .deleteFrom('persons')
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', [...new Set(personIds)])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_persons')
            .select('case_persons.person_id')
            .whereRef('case_persons.person_id', '=', 'persons.id'),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('inquiry_persons')
            .select('inquiry_persons.person_id')
            .whereRef('inquiry_persons.person_id', '=', 'persons.id'),
        ),
      ),
    )
    // A person with an access request is never deleted: the request documents the answer.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('access_requests')
            .select('access_requests.person_id')
            .whereRef('access_requests.person_id', '=', 'persons.id'),
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
