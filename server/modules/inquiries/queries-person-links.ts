import { sql, type Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The inquiries module's answer to a merge of two registrations of one person
 * (persons/merge.ts): the duplicate's places in inquiries move to the surviving person, in the
 * merge's transaction. A place the survivor already has is kept once, and the duplicate's
 * leftovers are deleted. Both persons are of one municipality (`municipalityCode`): only rows
 * with that tenant key are moved.
 */
export async function moveInquiryPersonLinks(
  trx: Transaction<DB>,
  municipalityCode: string,
  fromPersonId: string,
  toPersonId: string,
): Promise<number> {
  const target = sql<string>`${toPersonId}::uuid`;
  const moved = await trx
    .insertInto('inquiry_persons')
    .columns(['inquiry_id', 'person_id'])
    .expression((eb) =>
      eb
        .selectFrom('inquiry_persons')
        .select(['inquiry_id', target.as('person_id')])
        .where('person_id', '=', fromPersonId)
        .where('municipality_code', '=', municipalityCode),
    )
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  await trx
    .deleteFrom('inquiry_persons')
    .where('person_id', '=', fromPersonId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
  return Number(moved.numInsertedOrUpdatedRows ?? 0);
}
