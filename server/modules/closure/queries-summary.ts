import { sql, type Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { caseEventsQuery } from '../cases/queries-chronology.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read here matches the case's
 * key next to its id (`CaseKey`, a `CaseAccess` is one).
 */

/** What the case summary (summary.ts) reads, one query per section. */

/** The case row, every column; undefined when there is no such case. */
export async function summaryCase(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .executeTakeFirst();
}

/** The case's persons with their role, by family and given name. */
export async function summaryPersons(db: Kysely<DB>, theCase: CaseKey) {
  return casePersonsOf(db, theCase)
    .select(['p.given_name', 'p.family_name', 'p.birth_date', 'cp.role'])
    .orderBy('p.family_name')
    .orderBy('p.given_name')
    .execute();
}

/** The case's team with their units: coordinators, then forum, then the rest, by name. */
export async function summaryTeam(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('units', 'units.id', 'm.unit_id')
    .select(['u.display_name', 'm.role', 'm.scope', 'units.name as unit_name'])
    .where('m.case_id', '=', theCase.caseId)
    .where('m.municipality_code', '=', theCase.municipalityCode)
    .orderBy(sql`case m.role when 'coordinator' then 0 when 'forum' then 1 else 2 end`)
    .orderBy('u.display_name')
    .execute();
}

/** The case's newest finalised (or since superseded) assessment, or undefined. */
export async function latestFinalAssessment(db: Kysely<DB>, theCase: CaseKey) {
  return db
    .selectFrom('case_assessments')
    .select([
      'number',
      'finalised_at',
      'concern_level',
      'overall_judgement',
      'child_view',
      'child_involvement',
    ])
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', 'in', ['final', 'superseded'])
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The case's chronology with authors and entry names as this reader may see them, in date order
 * (oldest first; an event recorded later but dated earlier takes its place by its date, events
 * of the same moment in the order they were recorded); without the compartment, compartment
 * events are not read. One case's events: the (case_id, id) index finds them, the sort is small.
 */
export async function summaryEvents(db: Kysely<DB>, theCase: CaseKey, compartment: boolean) {
  return caseEventsQuery(db, theCase, compartment)
    .orderBy(sql`coalesce(e.happened_on, (e.occurred_at at time zone 'Europe/Copenhagen')::date)`)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .execute();
}
