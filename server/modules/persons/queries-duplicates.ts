import { sql, type Transaction } from 'kysely';
import type { NotificationKind } from '../../../shared/values.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The SQL of finding possible duplicates (duplicates.ts): candidates in the caller's
 * municipality (the tenant key), never merged registrations, and the coordinators to tell about
 * a new registration whose CPR number is known on a case of its municipality.
 */

/** A person looked at as a possible duplicate. */
type Candidate = { id: string; given_name: string; family_name: string; birth_date: string | null };

/**
 * The municipality's persons with this CPR digest (`cpr_digest`) or born on this date
 * (`birth_date`), oldest registration first.
 */
export async function personsMatching(
  trx: Transaction<DB>,
  municipalityCode: string,
  match: { column: 'cpr_digest' | 'birth_date'; value: string },
  limit: number,
): Promise<Candidate[]> {
  return trx
    .selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'birth_date'])
    .where('municipality_code', '=', municipalityCode)
    .where(match.column, '=', match.value)
    .where('merged_into', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit)
    .execute();
}

/**
 * The recipients (for `notifyFrom`) of 'inquiry_possible_duplicate': each active coordinator,
 * other than `recordedBy`, of a case with another registration of a new person's CPR number
 * in the same municipality; one row per coordinator and case.
 */
export function possibleDuplicateRecipients(
  trx: Transaction<DB>,
  newPersonIds: readonly string[],
  inquiryId: string,
  recordedBy: string,
) {
  return trx
    .selectFrom('persons as np')
    .innerJoin('persons as op', (join) =>
      join
        .onRef('op.cpr_digest', '=', 'np.cpr_digest')
        .onRef('op.municipality_code', '=', 'np.municipality_code')
        .onRef('op.id', '!=', 'np.id'),
    )
    .innerJoin('case_persons as cp', (join) =>
      join
        .onRef('cp.person_id', '=', 'op.id')
        .onRef('cp.municipality_code', '=', 'op.municipality_code'),
    )
    .innerJoin('case_members as m', (join) =>
      join
        .onRef('m.case_id', '=', 'cp.case_id')
        .onRef('m.municipality_code', '=', 'cp.municipality_code'),
    )
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select([
      'm.user_id',
      sql<NotificationKind>`'inquiry_possible_duplicate'`.as('kind'),
      'cp.case_id',
      sql<string>`${inquiryId}::uuid`.as('inquiry_id'),
      sql<string>`'{}'::jsonb`.as('details'),
    ])
    .distinct()
    .where('np.id', 'in', newPersonIds)
    .where('np.cpr_digest', 'is not', null)
    .where('op.merged_into', 'is', null)
    .where('m.role', '=', 'coordinator')
    .where('m.user_id', '!=', recordedBy)
    .where('u.disabled_at', 'is', null);
}
