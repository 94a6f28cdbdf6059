import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The cases module's answer to a merge of two registrations of one person (persons/merge.ts):
 * the duplicate's places on cases move to the surviving person, in the merge's transaction. A
 * place the survivor already has is kept once, and the duplicate's leftovers are deleted. A
 * parent's custody goes with the place; where the survivor is already on the case, custody held by
 * either registration is kept if the survivor's place is a parent's (the only place that can hold
 * it). Both
 * persons are of one municipality (`municipalityCode`): only rows with that tenant key are
 * moved, and they keep it.
 */
export async function moveCasePersonLinks(
  trx: Transaction<DB>,
  municipalityCode: string,
  fromPersonId: string,
  toPersonId: string,
): Promise<number> {
  const target = sql<string>`${toPersonId}::uuid`;
  // Where both are on a case, the survivor's parent place takes the duplicate's custody first.
  await trx
    .updateTable('case_persons as survivor')
    .set({ custody_holder: true })
    .where('survivor.person_id', '=', toPersonId)
    .where('survivor.municipality_code', '=', municipalityCode)
    .where('survivor.role', '=', 'parent')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('case_persons as duplicate')
          .select('duplicate.case_id')
          .whereRef('duplicate.case_id', '=', 'survivor.case_id')
          .where('duplicate.person_id', '=', fromPersonId)
          .where('duplicate.custody_holder', '=', true),
      ),
    )
    .execute();
  const moved = await trx
    .insertInto('case_persons')
    .columns(['case_id', 'person_id', 'role', 'custody_holder'])
    .expression((eb) =>
      eb
        .selectFrom('case_persons')
        .select(['case_id', target.as('person_id'), 'role', 'custody_holder'])
        .where('person_id', '=', fromPersonId)
        .where('municipality_code', '=', municipalityCode),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  await trx
    .deleteFrom('case_persons')
    .where('person_id', '=', fromPersonId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
  return Number(moved.numInsertedOrUpdatedRows ?? 0);
}
