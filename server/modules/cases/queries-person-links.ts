import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The cases module's answer to a merge of two registrations of one person (persons/merge.ts):
 * the duplicate's places on cases move to the surviving person, in the merge's transaction. A
 * place the survivor already has is kept once, and the duplicate's leftovers are deleted. Both
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
  const moved = await trx
    .insertInto('case_persons')
    .columns(['case_id', 'person_id', 'role'])
    .expression((eb) =>
      eb
        .selectFrom('case_persons')
        .select(['case_id', target.as('person_id'), 'role'])
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
