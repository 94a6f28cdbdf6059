import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { CaseKey } from '../../platform/context.ts';
import type { CaseEventKind, Changes } from './chronology.ts';
import { entryName } from './queries-entry-names.ts';
import type { ChronologyQuery } from './schema.ts';

/*
 * The chronology's SQL (case_events) and the case's persons it is about. The tenant key
 * (`municipality_code`, db/migrations/0015): an event is inserted without it and the trigger
 * fills it from the case; reads and updates match the case's key next to its id.
 */

/** Appends one event to the case's chronology; its id. */
export async function addCaseEvent(
  trx: Transaction<DB>,
  caseId: string,
  /** Null for the system's own events (e.g. the case-work job). */
  actorUserId: string | null,
  kind: CaseEventKind,
  changes: Changes,
  note?: { text: string; compartment: boolean },
  /** The intervention the event is about: its name is read from the catalogue when shown. */
  interventionId?: string,
  /** A back-dated event: its real date and why it was recorded later. */
  backdate?: { happenedOn: string; reason: string },
): Promise<string> {
  const row = await trx
    .insertInto('case_events')
    .values({
      case_id: caseId,
      actor_user_id: actorUserId,
      kind,
      changes: JSON.stringify(changes),
      note_text: note?.text ?? null,
      compartment: note?.compartment ?? false,
      intervention_id: interventionId ?? null,
      happened_on: backdate?.happenedOn ?? null,
      backdate_reason: backdate?.reason ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Appends several events of one step in one statement; their ids, in the order given. */
export async function addCaseEvents(
  trx: Transaction<DB>,
  caseId: string,
  actorUserId: string,
  events: { kind: CaseEventKind; changes: Changes; interventionId?: string }[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const rows = await trx
    .insertInto('case_events')
    .values(
      events.map((e) => ({
        case_id: caseId,
        actor_user_id: actorUserId,
        kind: e.kind,
        changes: JSON.stringify(e.changes),
        intervention_id: e.interventionId ?? null,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => String(r.id));
}

/** Marks an event as one about the concern itself (only readers with the compartment see it). */
export async function markEventCompartment(
  trx: Transaction<DB>,
  municipalityCode: string,
  eventId: number,
): Promise<void> {
  await trx
    .updateTable('case_events')
    .set({ compartment: true })
    .where('id', '=', eventId)
    .where('municipality_code', '=', municipalityCode)
    .execute();
}

/** The persons of the case, whose data the chronology is about (one audit entry each). */
export async function casePersonIds(db: Kysely<DB>, theCase: CaseKey): Promise<string[]> {
  const rows = await db
    .selectFrom('case_persons')
    .select('person_id')
    .where('case_id', '=', theCase.caseId)
    .where('municipality_code', '=', theCase.municipalityCode)
    .orderBy('person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

/**
 * The case's events as the reader may see them (without the compartment, compartment events are
 * not read), with the author's name and the intervention's catalogue entry; not yet ordered or
 * executed: the chronology pages it, the case summary reads it whole.
 */
export function caseEventsQuery(db: Kysely<DB>, theCase: CaseKey, compartment: boolean) {
  const query = db
    .selectFrom('case_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_user_id')
    .leftJoin('case_interventions as ci', (j) =>
      j
        .onRef('ci.id', '=', 'e.intervention_id')
        .onRef('ci.municipality_code', '=', 'e.municipality_code'),
    )
    .leftJoin('intervention_types as it', 'it.id', 'ci.intervention_type_id')
    .select([
      'e.id',
      'e.kind',
      'e.occurred_at',
      'e.actor_user_id',
      'u.display_name',
      'e.changes',
      'e.note_text',
      'e.compartment',
      'e.intervention_id',
      'e.happened_on',
      'e.backdate_reason',
      entryName(compartment).as('entry_name'),
      'it.reveals_concern as entry_reveals_concern',
    ])
    .where('e.case_id', '=', theCase.caseId)
    .where('e.municipality_code', '=', theCase.municipalityCode);
  return compartment ? query : query.where('e.compartment', '=', false);
}

/**
 * A page of the case's events as the reader may see them, newest first (keyset on the id), one
 * more than the limit: with the author's name and the intervention's catalogue entry.
 */
export async function chronologyRows(
  db: Kysely<DB>,
  access: CaseAccess,
  filter: z.infer<typeof ChronologyQuery>,
) {
  let query = caseEventsQuery(db, access, access.compartment)
    .orderBy('e.id', 'desc')
    .limit(filter.limit + 1);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.authorId) query = query.where('e.actor_user_id', '=', filter.authorId);
  if (filter.after) query = query.where('e.id', '<', Number(filter.after));
  return query.execute();
}

/** Everyone who wrote an event the reader may see, by name. */
export async function chronologyAuthors(db: Kysely<DB>, access: CaseAccess) {
  let authorsQuery = db
    .selectFrom('case_events as e')
    .innerJoin('users as u', 'u.id', 'e.actor_user_id')
    .select(['u.id', 'u.display_name'])
    .distinct()
    .where('e.case_id', '=', access.caseId)
    .where('e.municipality_code', '=', access.municipalityCode)
    .orderBy('u.display_name')
    .orderBy('u.id');
  if (!access.compartment) authorsQuery = authorsQuery.where('e.compartment', '=', false);
  return authorsQuery.execute();
}
