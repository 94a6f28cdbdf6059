import { sql, type Kysely, type Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { updateCase } from './queries-case-edits.ts';
import { escapeLike } from '../../platform/db/text-search.ts';
import { casePersonsOf } from './queries-case-persons.ts';
import { worksIn } from '../../access/queries-records.ts';

/*
 * The persons of a case as the coordinator changes them (people.ts), and the colleagues who may
 * be added as members. Every query of case rows matches the case's tenant key
 * (`municipality_code`) next to its id.
 */

/** The person's place in the case with their name, or undefined when they are not in it. */
export async function casePersonRow(trx: Transaction<DB>, theCase: CaseKey, personId: string) {
  return casePersonsOf(trx, theCase)
    .select(['cp.role', 'cp.custody_holder', 'p.given_name', 'p.family_name'])
    .where('cp.person_id', '=', personId)
    .executeTakeFirst();
}

/** Whether the person (a parent of the case) holds custody of the child. */
export async function setCustodyHolder(
  trx: Transaction<DB>,
  theCase: CaseKey,
  personId: string,
  custodyHolder: boolean,
): Promise<void> {
  await trx
    .updateTable('case_persons')
    .set({ custody_holder: custodyHolder })
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('person_id', '=', personId)
    .execute();
}

/** Puts the person in the case with a role. */
export async function insertCasePerson(
  trx: Transaction<DB>,
  theCase: CaseKey,
  personId: string,
  role: string,
): Promise<void> {
  await trx
    .insertInto('case_persons')
    .values({
      case_id: theCase.caseId,
      municipality_code: theCase.municipalityCode,
      person_id: personId,
      role,
    })
    .execute();
}

/** Takes the person out of the case. */
export async function deleteCasePerson(
  trx: Transaction<DB>,
  theCase: CaseKey,
  personId: string,
): Promise<void> {
  await trx
    .deleteFrom('case_persons')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('person_id', '=', personId)
    .execute();
}

/** Counts the case's version up after a change of its persons; the new version. */
export async function bumpCaseVersion(trx: Transaction<DB>, theCase: CaseKey): Promise<number> {
  const row = await updateCase(trx, theCase, {}, new Date())
    .returning('version')
    .executeTakeFirstOrThrow();
  return row.version;
}

/** At most this many colleagues are offered at once; the name filter narrows them down. */
export const CANDIDATE_LIMIT = 50;

/**
 * Active users of the case's municipality (or its police district) who are not members of the
 * case yet and hold one of `roles`, by name, each with the names of their units: one statement.
 */
export async function memberCandidates(
  db: Kysely<DB>,
  theCase: CaseKey,
  filter: { roles: readonly string[]; q: string | undefined },
) {
  let query = db
    .selectFrom('users as u')
    .select((eb) => [
      'u.id',
      'u.display_name',
      'u.roles',
      eb
        .selectFrom('user_units as uu')
        .innerJoin('units', 'units.id', 'uu.unit_id')
        .select(sql<string[]>`coalesce(array_agg(units.name order by units.name), '{}')`.as('n'))
        .whereRef('uu.user_id', '=', 'u.id')
        .as('unit_names'),
    ])
    .where('u.disabled_at', 'is', null)
    .where(sql<boolean>`u.roles && ${sql.val([...filter.roles])}::text[]`)
    .where(worksIn('u', theCase.municipalityCode))
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('case_members as m')
            .select(sql`1`.as('one'))
            .whereRef('m.user_id', '=', 'u.id')
            .where('m.case_id', '=', theCase.caseId)
            .where('m.municipality_code', '=', theCase.municipalityCode),
        ),
      ),
    )
    .orderBy('u.display_name')
    .orderBy('u.id')
    .limit(CANDIDATE_LIMIT);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where('u.display_name', 'ilike', pattern);
  }
  return query.execute();
}
