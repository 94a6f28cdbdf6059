import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { CaseKey, RequestContext } from '../../platform/context.ts';
import {
  CaseEventKindSchema,
  CaseEventSchema,
  type CaseEvent,
  type Chronology,
  type ChronologyQuery,
  type NoteBody,
  type StatusBody,
} from './schema.ts';
import { entryName, presentChanges, storedConcernNames } from './intervention-names.ts';

/**
 * The case's chronology: one timeline of everything that happens in the case (case_events).
 * Every change to a case appends its event in the transaction that makes it, next to its audit
 * entry. Events about the concern itself (`compartment`) are left out in SQL for readers without
 * the case's compartment, and their text travels only in a compartment(…) field, so the
 * presenter rule removes it as well.
 */
/*
 * The tenant key (`municipality_code`, db/migrations/0015): an event is inserted without it and
 * the trigger fills it from the case; reads match the case's key next to its id.
 */
export type CaseEventKind = z.infer<typeof CaseEventKindSchema>;
type ChangeValue = string | number | boolean | null;
export type Changes = Record<string, { from: ChangeValue; to: ChangeValue }>;

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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return String(row.id);
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

/** One audit event per person of the case (or one without a person when it has none). */
export function perPerson(
  persons: string[],
  make: (subjectPersonId: string | null) => AuditEvent,
): AuditEvent[] {
  return persons.length > 0 ? persons.map(make) : [make(null)];
}

const changesSchema = CaseEventSchema.shape.changes;

/** A page of the chronology, newest first (keyset on the event id). */
export async function loadChronology(
  db: Kysely<DB>,
  access: CaseAccess,
  filter: z.infer<typeof ChronologyQuery>,
): Promise<Chronology> {
  let query = db
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
      entryName(access.compartment).as('entry_name'),
      'it.reveals_concern as entry_reveals_concern',
    ])
    .where('e.case_id', '=', access.caseId)
    .where('e.municipality_code', '=', access.municipalityCode)
    .orderBy('e.id', 'desc')
    .limit(filter.limit + 1);
  if (!access.compartment) query = query.where('e.compartment', '=', false);
  if (filter.kind) query = query.where('e.kind', '=', filter.kind);
  if (filter.authorId) query = query.where('e.actor_user_id', '=', filter.authorId);
  if (filter.after) query = query.where('e.id', '<', Number(filter.after));
  const rows = await query.execute();

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
  const authors = await authorsQuery.execute();

  const page = rows.slice(0, filter.limit).map((r) => ({
    ...r,
    changes: changesSchema.parse(r.changes),
  }));
  const concernNames = await storedConcernNames(db, access.municipalityCode, page);
  const last = page.at(-1);
  return {
    id: access.caseId,
    items: page.map((r): CaseEvent => ({
      id: String(r.id),
      kind: CaseEventKindSchema.parse(r.kind),
      occurredAt: r.occurred_at.toISOString(),
      author:
        r.actor_user_id && r.display_name !== null
          ? { id: r.actor_user_id, name: r.display_name }
          : null,
      ...presentChanges(r, access.compartment, concernNames),
      noteText: r.compartment ? null : r.note_text,
      compartment: r.compartment,
      compartmentText: r.compartment ? r.note_text : null,
    })),
    nextCursor: rows.length > filter.limit && last ? String(last.id) : null,
    authors: authors.map((a) => ({ id: a.id, name: a.display_name })),
  };
}

/**
 * A note in the chronology, by any member with the whole case (not an intervention-scoped
 * member, not a break-the-glass reader). A compartment note needs the case's compartment.
 */
export async function addNote(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof NoteBody>,
): Promise<string> {
  requireCaseAbility(access, 'notes', 'write');
  if (body.compartment) requireCaseAbility(access, 'compartment', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await addCaseEvent(
      trx,
      access.caseId,
      ctx.user.id,
      'note',
      {},
      {
        text: body.text,
        compartment: body.compartment,
      },
    );
    const persons = await casePersonIds(trx, access);
    await writeAudit(
      trx,
      ctx.keys.audit,
      perPerson(persons, (subjectPersonId) =>
        recordEvent(ctx.user, access, {
          action: 'create',
          resourceType: 'case',
          resourceId: access.caseId,
          subjectPersonId,
          purpose: PURPOSES.caseWork,
          requestId: ctx.requestId,
          details: { change: 'note_added', eventId: id, compartment: body.compartment },
        }),
      ),
    );
    return id;
  });
}

/** Today's date in Denmark (YYYY-MM-DD), whatever the server's time zone. */
export function danishToday(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/**
 * Sets a case on hold (with a reason and an optional date, not in the past) or resumes it. Only
 * the case's coordinators; optimistic locking on the case's version (409 with the current one).
 * Closing (with its outcome) and re-review come with their own issue.
 */
export async function setStatus(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof StatusBody>,
  now = new Date(),
): Promise<number> {
  requireCaseAbility(access, 'case', 'write');
  const problems: FieldProblem[] = [];
  if (body.status === 'on_hold') {
    if (body.reason === undefined) problems.push({ field: 'body.reason', code: 'required' });
    if (body.until !== undefined && body.until < danishToday(now)) {
      problems.push({ field: 'body.until', code: 'date_in_past' });
    }
  } else {
    if (body.reason !== undefined) problems.push({ field: 'body.reason', code: 'not_allowed' });
    if (body.until !== undefined) problems.push({ field: 'body.until', code: 'not_allowed' });
  }
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

  return ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('cases')
      .select(['status', 'on_hold_reason', 'on_hold_until', 'version'])
      .where('id', '=', access.caseId)
      .where('municipality_code', '=', access.municipalityCode)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('not_found');
    if (current.version !== body.version) {
      throw new AppError('conflict', { meta: { currentVersion: current.version } });
    }
    const allowed =
      (current.status === 'active' && body.status === 'on_hold') ||
      (current.status === 'on_hold' && (body.status === 'active' || body.status === 'on_hold'));
    if (!allowed) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.status', code: 'transition_not_allowed' }],
      });
    }
    const next = {
      status: body.status,
      on_hold_reason: body.status === 'on_hold' ? (body.reason ?? null) : null,
      on_hold_until: body.status === 'on_hold' ? (body.until ?? null) : null,
    };
    const updated = await trx
      .updateTable('cases')
      .set((eb) => ({
        ...next,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', access.caseId)
      .where('municipality_code', '=', access.municipalityCode)
      .where('version', '=', body.version)
      .returning('version')
      .executeTakeFirst();
    if (!updated) throw new AppError('conflict', { meta: { currentVersion: current.version } });

    const changes: Changes = {};
    const before = {
      status: current.status,
      on_hold_reason: current.on_hold_reason,
      on_hold_until: current.on_hold_until,
    };
    const names = { status: 'status', on_hold_reason: 'reason', on_hold_until: 'until' } as const;
    for (const key of Object.keys(names) as (keyof typeof names)[]) {
      if (before[key] !== next[key]) changes[names[key]] = { from: before[key], to: next[key] };
    }
    const eventId = await addCaseEvent(trx, access.caseId, ctx.user.id, 'status_changed', changes);
    const persons = await casePersonIds(trx, access);
    await writeAudit(
      trx,
      ctx.keys.audit,
      perPerson(persons, (subjectPersonId) =>
        recordEvent(ctx.user, access, {
          action: 'update',
          resourceType: 'case',
          resourceId: access.caseId,
          subjectPersonId,
          purpose: PURPOSES.caseWork,
          requestId: ctx.requestId,
          // Field names and statuses only: the reason is free text and stays in the case.
          details: {
            change: 'status',
            from: current.status,
            to: body.status,
            fields: Object.keys(changes).join(','),
            eventId,
          },
        }),
      ),
    );
    return updated.version;
  });
}
