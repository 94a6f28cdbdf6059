import type { Kysely, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The participants of interventions (db/migrations/0023): every person taking part, the main
 * person (`case_interventions.person_id`) included. Every read, insert and delete matches the
 * case's tenant key next to the ids; inserts leave it out and the trigger fills it from the
 * intervention (and refuses a person of another municipality).
 */

/** The persons with these ids who are in the case now, with their role there. */
export async function casePersonsAmong(trx: Transaction<DB>, theCase: CaseKey, ids: string[]) {
  if (ids.length === 0) return [];
  return casePersonsOf(trx, theCase)
    .select(['p.id', 'p.given_name', 'p.family_name', 'cp.role'])
    .where('cp.person_id', 'in', ids)
    .execute();
}

/**
 * The participants of these interventions of the case, with their role in the case (null when
 * no longer in it): the main person first, the others by name.
 */
export async function participantsOf(db: Kysely<DB>, theCase: CaseKey, interventionIds: string[]) {
  if (interventionIds.length === 0) return [];
  return db
    .selectFrom('case_intervention_participants as ip')
    .innerJoin('case_interventions as i', (j) =>
      j
        .onRef('i.id', '=', 'ip.intervention_id')
        .onRef('i.municipality_code', '=', 'ip.municipality_code'),
    )
    .innerJoin('persons as p', (j) =>
      j
        .onRef('p.id', '=', 'ip.person_id')
        .onRef('p.municipality_code', '=', 'ip.municipality_code'),
    )
    .leftJoin('case_persons as cp', (j) =>
      j
        .onRef('cp.person_id', '=', 'ip.person_id')
        .onRef('cp.case_id', '=', 'i.case_id')
        .onRef('cp.municipality_code', '=', 'ip.municipality_code'),
    )
    .select([
      'ip.intervention_id',
      'p.id as person_id',
      'p.given_name',
      'p.family_name',
      'cp.role as person_role',
    ])
    .where('i.case_id', '=', theCase.caseId)
    .where('ip.municipality_code', '=', theCase.municipalityCode)
    .where('ip.intervention_id', 'in', interventionIds)
    .orderBy('ip.intervention_id')
    .orderBy((eb) => eb('ip.person_id', '=', eb.ref('i.person_id')), 'desc')
    .orderBy('p.given_name')
    .orderBy('p.family_name')
    .orderBy('p.id')
    .execute();
}

/** Adds these persons to the intervention's participants (nothing for one already there). */
export async function insertParticipants(
  trx: Transaction<DB>,
  interventionId: string,
  personIds: string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await trx
    .insertInto('case_intervention_participants')
    .values(personIds.map((personId) => ({ intervention_id: interventionId, person_id: personId })))
    .onConflict((oc) => oc.columns(['intervention_id', 'person_id']).doNothing())
    .execute();
}

/** Takes these persons out of the intervention's participants. */
export async function deleteParticipants(
  trx: Transaction<DB>,
  theCase: CaseKey,
  interventionId: string,
  personIds: string[],
): Promise<void> {
  if (personIds.length === 0) return;
  await trx
    .deleteFrom('case_intervention_participants')
    .where('intervention_id', '=', interventionId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('person_id', 'in', personIds)
    .execute();
}

/**
 * How many of the case's interventions the person takes part in (as the main person or as one
 * of the participants) that are still planned, running or paused.
 */
export async function openInterventionsOfPerson(
  trx: Transaction<DB>,
  theCase: CaseKey,
  personId: string,
): Promise<number> {
  const row = await trx
    .selectFrom('case_interventions as i')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.case_id', '=', theCase.caseId)
    .where('i.municipality_code', '=', theCase.municipalityCode)
    .where('i.status', 'in', ['planned', 'active', 'paused'])
    .where((eb) =>
      eb.or([
        eb('i.person_id', '=', personId),
        eb.exists(
          eb
            .selectFrom('case_intervention_participants as ip')
            .select('ip.person_id')
            .whereRef('ip.intervention_id', '=', 'i.id')
            .whereRef('ip.municipality_code', '=', 'i.municipality_code')
            .where('ip.person_id', '=', personId),
        ),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Which interventions: a municipality's, or one case's. */
export interface CountScope {
  municipalityCode: string;
  caseId?: string;
}

/**
 * Per person: how many interventions they take part in (a group intervention counts once for
 * each participant); and how many interventions there are (a group intervention counts once).
 * One round trip; a person taking part in none is not listed.
 */
export async function interventionCounts(db: Kysely<DB>, scope: CountScope) {
  const takingPart = db
    .selectFrom('case_interventions as i')
    .select(['i.id as intervention_id', 'i.person_id'])
    .where('i.municipality_code', '=', scope.municipalityCode)
    .$if(scope.caseId !== undefined, (qb) => qb.where('i.case_id', '=', scope.caseId!))
    .union(
      db
        .selectFrom('case_intervention_participants as ip')
        .innerJoin('case_interventions as i', (j) =>
          j
            .onRef('i.id', '=', 'ip.intervention_id')
            .onRef('i.municipality_code', '=', 'ip.municipality_code'),
        )
        .select(['ip.intervention_id', 'ip.person_id'])
        .where('ip.municipality_code', '=', scope.municipalityCode)
        .$if(scope.caseId !== undefined, (qb) => qb.where('i.case_id', '=', scope.caseId!)),
    );
  const all = db
    .selectFrom('case_interventions as i')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('i.municipality_code', '=', scope.municipalityCode)
    .$if(scope.caseId !== undefined, (qb) => qb.where('i.case_id', '=', scope.caseId!));
  return db
    .selectFrom(takingPart.as('t'))
    .select((eb) => ['t.person_id', eb.fn.countAll<string>().as('n'), all.as('interventions')])
    .groupBy('t.person_id')
    .orderBy('t.person_id')
    .execute();
}
