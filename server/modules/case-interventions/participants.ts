import type { Kysely, Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { personName } from '../cases/queries.ts';
import {
  casePersonsAmong,
  deleteParticipants,
  insertParticipants,
  interventionCounts,
  openInterventionsOfPerson,
  type CountScope,
} from './queries-participants.ts';
import type { InterventionForm } from './schema.ts';

/*
 * Who takes part in an intervention (docs/CASE_WORK.md "Interventions for several persons"). An
 * intervention's form says how many: 'individual' exactly one participant, 'group' (a family
 * conversation, a group talk, a network meeting) two or more. Every participant is a person of
 * the case now, named once; the main person (`person_id`: consent and offers read it) is one of
 * them and comes first, the others follow by name.
 */

export interface Participant {
  id: string;
  name: string;
}

const FIELD = 'body.participantIds';

/**
 * Checks the participants asked for against the case's persons and the form; the participants in
 * the order given (main person first) when every rule holds, else the problems are added.
 * A person the caller may not see is not a person of the case they work on: the same answer as
 * a person who is in no case at all.
 */
export async function checkParticipants(
  trx: Transaction<DB>,
  theCase: CaseKey,
  wanted: { form: InterventionForm; mainPersonId: string; ids: readonly string[] },
  problems: FieldProblem[],
): Promise<Participant[] | null> {
  const before = problems.length;
  const ids = [wanted.mainPersonId, ...wanted.ids.filter((id) => id !== wanted.mainPersonId)];
  if (new Set(wanted.ids).size !== wanted.ids.length) {
    problems.push({ field: FIELD, code: 'participant_duplicate' });
  } else if (!wanted.ids.includes(wanted.mainPersonId)) {
    problems.push({ field: FIELD, code: 'participant_main_person_missing' });
  }
  const rows = await casePersonsAmong(trx, theCase, ids);
  const found = new Map(rows.map((r) => [r.id, r]));
  // The main person's own field says it when they are not in the case.
  if (ids.slice(1).some((id) => !found.has(id))) {
    problems.push({ field: FIELD, code: 'participant_not_in_case' });
  }
  if (wanted.form === 'individual' && wanted.ids.length !== 1) {
    problems.push({ field: FIELD, code: 'participants_individual_one' });
  }
  if (wanted.form === 'group' && wanted.ids.length < 2) {
    problems.push({ field: FIELD, code: 'participants_group_two' });
  }
  if (problems.length > before || !found.has(wanted.mainPersonId)) return null;
  return inOrder(ids.map((id) => ({ id, name: personName(found.get(id)!) })));
}

/** The main person (first) and then the others by name, as lists and the chronology show them. */
export function inOrder<T extends { name: string }>([main, ...others]: readonly T[]): T[] {
  const byName = others.sort((a, b) => a.name.localeCompare(b.name, 'da'));
  return main ? [main, ...byName] : [];
}

/** The participants' names as the chronology shows them: "Mor Hansen, Pige Hansen". */
export const participantNames = (participants: readonly { name: string }[]): string =>
  participants.map((p) => p.name).join(', ');

/** Stores the participants of a new intervention. */
export async function addParticipants(
  trx: Transaction<DB>,
  interventionId: string,
  participants: readonly Participant[],
): Promise<void> {
  await insertParticipants(
    trx,
    interventionId,
    participants.map((p) => p.id),
  );
}

/** Stores a changed list of participants: the new ones added, the ones left out taken out. */
export async function replaceParticipants(
  trx: Transaction<DB>,
  theCase: CaseKey,
  interventionId: string,
  from: readonly string[],
  to: readonly Participant[],
): Promise<void> {
  const next = new Set(to.map((p) => p.id));
  await deleteParticipants(
    trx,
    theCase,
    interventionId,
    from.filter((id) => !next.has(id)),
  );
  await insertParticipants(
    trx,
    interventionId,
    [...next].filter((id) => !from.includes(id)),
  );
}

/**
 * The case's interventions still planned, running or paused that the person takes part in, as
 * the main person or as a participant (removing a person from the case asks this).
 */
export function openInterventionsTakingPart(
  trx: Transaction<DB>,
  theCase: CaseKey,
  personId: string,
): Promise<number> {
  return openInterventionsOfPerson(trx, theCase, personId);
}

/**
 * The intervention counts for statistics, of a municipality or one case: `byPerson` counts a
 * group intervention once for each participant, `interventions` counts it once. A family
 * conversation with mother, brother and girl is 1 intervention and 1 for each of the three.
 * The caller decides who may see the counts.
 */
export async function countInterventionsByPerson(
  db: Kysely<DB>,
  scope: CountScope,
): Promise<{ interventions: number; byPerson: { personId: string; interventions: number }[] }> {
  const rows = await interventionCounts(db, scope);
  return {
    interventions: Number(rows[0]?.interventions ?? 0),
    byPerson: rows.map((r) => ({ personId: r.person_id, interventions: Number(r.n) })),
  };
}
