import { sql, type Insertable, type Transaction, type Updateable } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { findCoveringConsent } from './consent-cover.ts';
import type { CaseAccess } from '../../access/records.ts';
import { PROVIDER_ROLES } from './shared.ts';
import { casePersonsOf } from '../cases/queries-case-persons.ts';

/*
 * The tenant key (`municipality_code`, db/migrations/0015): every read, update and delete here
 * matches the case's key next to its id (`CaseKey`, a `CaseAccess` is one); inserts leave it
 * out and the trigger `tenant_key_from_parents` fills it from the case (and refuses a row
 * whose case is of another municipality).
 */

/**
 * The repository for writes to interventions and session notes: the SQL the services in
 * interventions.ts and sessions.ts run inside their transaction. A provider joining the case is
 * the cases module's write (`addInterventionProvider`).
 */

/** The person in the case, with their role there. */
export async function casePerson(trx: Transaction<DB>, theCase: CaseKey, personId: string) {
  return casePersonsOf(trx, theCase)
    .select(['p.id', 'p.birth_date', 'cp.role'])
    .where('cp.person_id', '=', personId)
    .executeTakeFirst();
}

/** An active user of the case's municipality with a role that may provide an intervention. */
export async function eligibleProvider(trx: Transaction<DB>, access: CaseAccess, userId: string) {
  return trx
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', '=', userId)
    .where('municipality_code', '=', access.municipalityCode)
    .where('disabled_at', 'is', null)
    .where(sql<boolean>`roles && ${sql.val([...PROVIDER_ROLES])}::text[]`)
    .executeTakeFirst();
}

/**
 * A catalogue entry of the case's municipality the caller may choose (active only when asked).
 * Outside the compartment an entry that reveals the concern is not one to choose.
 */
export async function choosableType(
  trx: Transaction<DB>,
  access: CaseAccess,
  typeId: string,
  activeOnly: boolean,
) {
  return trx
    .selectFrom('intervention_types')
    .select('id')
    .where('id', '=', typeId)
    .where('municipality_code', '=', access.municipalityCode)
    .$if(activeOnly, (qb) => qb.where('active', '=', true))
    .$if(!access.compartment, (qb) => qb.where('reveals_concern', '=', false))
    .executeTakeFirst();
}

export async function insertIntervention(
  trx: Transaction<DB>,
  values: Insertable<DB['case_interventions']>,
) {
  return trx
    .insertInto('case_interventions')
    .values(values)
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

/** The intervention in the case, locked for update, with its provider's name and type's rule. */
export async function lockIntervention(
  trx: Transaction<DB>,
  theCase: CaseKey,
  interventionId: string,
) {
  return trx
    .selectFrom('case_interventions as i')
    .innerJoin('intervention_types as t', 't.id', 'i.intervention_type_id')
    .leftJoin('users as u', 'u.id', 'i.provider_user_id')
    .select([
      'i.id',
      'i.person_id',
      'i.form',
      'i.provider_user_id',
      'i.provider_name',
      'u.display_name as provider_display_name',
      'i.status',
      'i.purpose',
      'i.starts_on',
      'i.ends_on',
      'i.end_reason',
      'i.consent_id',
      'i.version',
      't.consent_required',
    ])
    .where('i.id', '=', interventionId)
    .where('i.case_id', '=', theCase.caseId)
    .where('i.municipality_code', '=', theCase.municipalityCode)
    .forUpdate(['i'])
    .executeTakeFirst();
}

/** Stores the changed intervention when it still has `version`; undefined when it has not. */
export async function updateInterventionRow(
  trx: Transaction<DB>,
  theCase: CaseKey,
  interventionId: string,
  version: number,
  next: Updateable<DB['case_interventions']>,
) {
  return trx
    .updateTable('case_interventions')
    .set((eb) => ({ ...next, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', interventionId)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/**
 * A consent of the person in the case that covers counselling on `on` (serviceloven § 12 b: an
 * intervention that needs consent), through the one covering check (consent-cover.ts).
 */
export async function validConsent(
  trx: Transaction<DB>,
  theCase: CaseKey,
  personId: string,
  on: string,
) {
  return findCoveringConsent(trx, {
    municipalityCode: theCase.municipalityCode,
    caseId: theCase.caseId,
    personId,
    use: 'counselling',
    on,
  });
}

export async function insertSession(
  trx: Transaction<DB>,
  values: Insertable<DB['intervention_sessions']>,
) {
  return trx
    .insertInto('intervention_sessions')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** The case's interventions with one of these statuses; their ids. */
export async function interventionIdsWithStatus(
  trx: Transaction<DB>,
  theCase: CaseKey,
  statuses: readonly string[],
) {
  return trx
    .selectFrom('case_interventions')
    .select('id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .where('status', 'in', statuses)
    .execute();
}

/**
 * Ends the case's interventions with these ids as the case closes: a planned one is cancelled,
 * the others ended on `today` (or their start, when that is later).
 */
export async function endInterventionRows(
  trx: Transaction<DB>,
  theCase: CaseKey,
  ids: string[],
  today: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('case_interventions')
    .set((eb) => ({
      status: sql<string>`case when ${eb.ref('status')} = 'planned' then 'cancelled' else 'ended' end`,
      ends_on: sql<string>`case when ${eb.ref('starts_on')} > ${today}::date then ${eb.ref('starts_on')} else ${today}::date end`,
      version: eb('version', '+', 1),
      updated_at: now,
    }))
    .where('id', 'in', ids)
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .execute();
}
