import { sql, type Transaction, type Updateable } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { selectActivePerson, type PersonKey } from './queries.ts';

/**
 * The SQL of changing a person (edit.ts): the details, the relations, the CPR number read for
 * unmasking. Every read, update and delete matches the person's municipality (the tenant key)
 * next to the ids; a relation is inserted without it and the trigger `tenant_key_from_parents`
 * fills it from the persons.
 */

/** The person's encrypted CPR number, or undefined when missing or merged. */
export async function findPersonCpr(trx: Transaction<DB>, key: PersonKey) {
  return selectActivePerson(trx, key).select(['id', 'cpr_enc']).executeTakeFirst();
}

/** The person as stored, locked for the transaction; undefined when missing or merged. */
export async function lockActivePerson(trx: Transaction<DB>, key: PersonKey) {
  return selectActivePerson(trx, key).selectAll().forUpdate().executeTakeFirst();
}

/**
 * Changes the person's row and bumps its version (an edit, a merge filling blanks or marking the
 * duplicate merged); with `ifVersion`, only while the person is still at that version. The new
 * version, or undefined when nothing was changed.
 */
export async function updatePersonRow(
  trx: Transaction<DB>,
  person: { id: string; municipality_code: string },
  set: Updateable<DB['persons']>,
  ifVersion?: number,
): Promise<number | undefined> {
  let update = trx
    .updateTable('persons')
    .set({ ...set, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', person.id)
    .where('municipality_code', '=', person.municipality_code);
  if (ifVersion !== undefined) update = update.where('version', '=', ifVersion);
  const updated = await update.returning('version').executeTakeFirst();
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
