import { sql, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PersonKey } from './queries.ts';

/**
 * The SQL of changing a person (edit.ts): the details, the relations, the CPR number read for
 * unmasking. Every read, update and delete matches the person's municipality (the tenant key)
 * next to the ids; a relation is inserted without it and the trigger `tenant_key_from_parents`
 * fills it from the persons.
 */

/** The person's encrypted CPR number, or undefined when missing or merged. */
export async function findPersonCpr(trx: Transaction<DB>, key: PersonKey) {
  return trx
    .selectFrom('persons')
    .select(['id', 'cpr_enc'])
    .where('id', '=', key.personId)
    .where('municipality_code', '=', key.municipalityCode)
    .where('merged_into', 'is', null)
    .executeTakeFirst();
}

/** The person as stored, locked for the transaction; undefined when missing or merged. */
export async function lockActivePerson(trx: Transaction<DB>, key: PersonKey) {
  return trx
    .selectFrom('persons')
    .selectAll()
    .where('id', '=', key.personId)
    .where('municipality_code', '=', key.municipalityCode)
    .where('merged_into', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

/** Saves changed details if the person is still at `version`; the new version, else undefined. */
export async function savePersonChange(
  trx: Transaction<DB>,
  person: { id: string; municipality_code: string },
  version: number,
  set: Updateable<DB['persons']>,
): Promise<number | undefined> {
  const updated = await trx
    .updateTable('persons')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', person.id)
    .where('municipality_code', '=', person.municipality_code)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
  return updated?.version;
}

/** Deletes the relation recorded from `personId` to `relatedPersonId` (one direction). */
export async function deleteRelationFrom(
  trx: Transaction<DB>,
  municipalityCode: string,
  personId: string,
  relatedPersonId: string,
): Promise<void> {
  await trx
    .deleteFrom('person_relations')
    .where('person_id', '=', personId)
    .where('related_person_id', '=', relatedPersonId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
}

/** Records that `relatedPersonId` is the person's `relation`, replacing the one recorded. */
export async function upsertRelation(
  trx: Transaction<DB>,
  personId: string,
  relatedPersonId: string,
  relation: string,
): Promise<void> {
  await trx
    .insertInto('person_relations')
    .values({ person_id: personId, related_person_id: relatedPersonId, relation })
    .onConflict((oc) => oc.columns(['person_id', 'related_person_id']).doUpdateSet({ relation }))
    .execute();
}

/** Deletes the relations between the two persons in both directions; the relations deleted. */
export async function deleteRelationsBetween(
  trx: Transaction<DB>,
  municipalityCode: string,
  personId: string,
  relatedId: string,
) {
  return trx
    .deleteFrom('person_relations')
    .where('municipality_code', '=', municipalityCode)
    .where((eb) =>
      eb.or([
        eb.and([eb('person_id', '=', personId), eb('related_person_id', '=', relatedId)]),
        eb.and([eb('person_id', '=', relatedId), eb('related_person_id', '=', personId)]),
      ]),
    )
    .returning('relation')
    .execute();
}
