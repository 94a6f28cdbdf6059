import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseKey } from '../../platform/context.ts';
import { addCaseEvent } from './queries-chronology.ts';

/**
 * The cases module's part of a case transfer to another municipality (the transfers module runs
 * it, docs/TRANSFERS.md): what a transfer may copy of the sending case — its neutral facts, never
 * the compartment — and the receiving municipality's copy, opened as a case of its own. Reads
 * and writes match the case's municipality (the tenant key) next to its id.
 */

/** The sending case's reference, status, work summary and persons (with their roles). */
export async function caseFactsForTransfer(db: Kysely<DB>, key: CaseKey) {
  const row = await db
    .selectFrom('cases')
    .select(['reference', 'status', 'work_summary'])
    .where('id', '=', key.caseId)
    .where('municipality_code', '=', key.municipalityCode)
    .executeTakeFirst();
  if (!row) return undefined;
  const persons = await db
    .selectFrom('case_persons')
    .select(['person_id', 'role', 'custody_holder'])
    .where('case_id', '=', key.caseId)
    .where('municipality_code', '=', key.municipalityCode)
    .orderBy('role')
    .execute();
  return { ...row, persons };
}
export type CaseFactsForTransfer = NonNullable<Awaited<ReturnType<typeof caseFactsForTransfer>>>;

/**
 * The receiving municipality's copy: a new active case with its own reference, the copied work
 * summary, the persons registered there (with their roles and custody), the accepting
 * coordinator as its coordinator, and the chronology's first event "Overtaget fra <kommune>".
 * Returns the new case's id.
 */
export async function openCaseFromTransfer(
  trx: Transaction<DB>,
  input: {
    municipalityCode: string;
    reference: string;
    workSummary: string | null;
    persons: { personId: string; role: string; custodyHolder: boolean }[];
    coordinatorUserId: string;
    fromMunicipality: string;
    fromReference: string;
    isDemo?: boolean;
  },
): Promise<string> {
  const municipality = input.municipalityCode;
  const created = await trx
    .insertInto('cases')
    .values({
      municipality_code: municipality,
      reference: input.reference,
      forum_id: null,
      work_summary: input.workSummary,
      ...(input.isDemo && { is_demo: true }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.persons.length > 0) {
    await trx
      .insertInto('case_persons')
      .values(
        input.persons.map((p) => ({
          case_id: created.id,
          municipality_code: municipality,
          person_id: p.personId,
          role: p.role,
          custody_holder: p.custodyHolder,
        })),
      )
      .execute();
  }
  await trx
    .insertInto('case_members')
    .values({
      case_id: created.id,
      municipality_code: municipality,
      user_id: input.coordinatorUserId,
      role: 'coordinator',
      added_by: input.coordinatorUserId,
    })
    .execute();
  await addCaseEvent(trx, created.id, input.coordinatorUserId, 'transfer_received', {
    fromMunicipality: { from: null, to: input.fromMunicipality },
    fromReference: { from: null, to: input.fromReference },
  });
  return created.id;
}
