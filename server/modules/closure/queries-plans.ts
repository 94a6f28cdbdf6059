import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read here matches the case's
 * key next to its id (`CaseKey`, a `CaseAccess` is one).
 */

/** What closure reads of the case's plans (case_plans, written by the plan module). */

/** The newest approved version of the case's plan, or undefined. */
export async function approvedPlanRow(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_plans')
    .select(['id', 'goals', 'agreements'])
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The goals of every version of the case's plan, newest version first. */
export async function planGoalRows(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_plans')
    .select('goals')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .orderBy('number', 'desc')
    .execute();
}
