import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The identifying facts of a municipality's persons, for a copy made in another municipality
 * (copy.ts): matched by their ids and their municipality (the tenant key).
 */
export async function identifyingFacts(
  db: Kysely<DB>,
  municipalityCode: string,
  personIds: readonly string[],
) {
  if (personIds.length === 0) return [];
  return db
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date', 'cpr_enc', 'address', 'phone'])
    .where('municipality_code', '=', municipalityCode)
    .where('id', 'in', personIds)
    .execute();
}
