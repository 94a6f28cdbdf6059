import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The persons of one case joined to their person rows (`cp` and `p`), both matched by the case's
 * tenant key: the one start of every query that reads a case's persons with their names, in
 * this module and in the others (plans, assessments, interventions, closure, filing, the
 * notice). The caller adds its columns, conditions and order.
 */
export function casePersonsOf(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_persons as cp')
    .innerJoin('persons as p', (j) =>
      j
        .onRef('p.id', '=', 'cp.person_id')
        .onRef('p.municipality_code', '=', 'cp.municipality_code'),
    )
    .where('cp.case_id', '=', theCase.caseId)
    .where('cp.municipality_code', '=', theCase.municipalityCode);
}
