import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { PersonKey } from './queries.ts';
import { updatePersonRow } from './queries-edit.ts';

/**
 * The SQL of merging two registrations of one person (merge.ts), each in the merge's
 * transaction. Every read, update and delete matches the persons' municipality (the tenant key)
 * next to their ids.
 */

/** The persons as stored, locked, in id order (two opposite merges cannot deadlock). */
export async function lockPersons(trx: Transaction<DB>, keys: readonly PersonKey[]) {
  return trx
    .selectFrom('persons')
    .selectAll()
    .where((eb) =>
      eb.or(
        keys.map((a) =>
          eb.and([eb('id', '=', a.personId), eb('municipality_code', '=', a.municipalityCode)]),
        ),
      ),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Marks the duplicate merged into the survivor; it keeps its name but no longer its CPR number. */
export async function markPersonMerged(
  trx: Transaction<DB>,
  source: { id: string; municipality_code: string },
  intoPersonId: string,
): Promise<void> {
  await updatePersonRow(trx, source, {
    merged_into: intoPersonId,
    cpr_enc: null,
    cpr_digest: null,
  });
}

/**
 * The duplicate's relations move to the surviving person: a relation the survivor already has
 * is kept once (on conflict do nothing), the duplicate's leftovers are deleted, and a relation
 * between the two is dropped (a person is not their own relative). Returns the relations moved.
 */
export async function movePersonRelations(
  trx: Transaction<DB>,
  municipalityCode: string,
  sourceId: string,
  targetId: string,
): Promise<number> {
  const target = sql<string>`${targetId}::uuid`;
  const outgoing = await trx
    .insertInto('person_relations')
    .columns(['person_id', 'related_person_id', 'relation'])
    .expression((eb) =>
      eb
        .selectFrom('person_relations')
        .select([target.as('person_id'), 'related_person_id', 'relation'])
        .where('person_id', '=', sourceId)
        .where('municipality_code', '=', municipalityCode)
        .where('related_person_id', '!=', targetId),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  const incoming = await trx
    .insertInto('person_relations')
    .columns(['person_id', 'related_person_id', 'relation'])
    .expression((eb) =>
      eb
        .selectFrom('person_relations')
        .select(['person_id', target.as('related_person_id'), 'relation'])
        .where('related_person_id', '=', sourceId)
        .where('municipality_code', '=', municipalityCode)
        .where('person_id', '!=', targetId),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  await trx
    .deleteFrom('person_relations')
    .where('municipality_code', '=', municipalityCode)
    .where((eb) => eb.or([eb('person_id', '=', sourceId), eb('related_person_id', '=', sourceId)]))
    .execute();

  const count = (r: { numInsertedOrUpdatedRows?: bigint } | undefined) =>
    Number(r?.numInsertedOrUpdatedRows ?? 0);
  return count(outgoing) + count(incoming);
}
