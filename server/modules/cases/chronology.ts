import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import {
  CaseEventKindSchema,
  CaseEventSchema,
  type CaseEvent,
  type Chronology,
  type ChronologyQuery,
  type NoteBody,
  type StatusBody,
} from './schema.ts';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import { presentChanges, storedConcernNames } from './intervention-names.ts';
import { lockCaseStatus, saveCaseStatus } from './queries-case-edits.ts';
import {
  addCaseEvent,
  casePersonIds,
  chronologyAuthors,
  chronologyRows,
} from './queries-chronology.ts';

/**
 * The case's chronology: one timeline of everything that happens in the case (case_events).
 * Every change to a case appends its event in the transaction that makes it, next to its audit
 * entry. Events about the concern itself (`compartment`) are left out in SQL for readers without
 * the case's compartment, and their text travels only in a compartment(…) field, so the
 * presenter rule removes it as well.
 */
export type CaseEventKind = z.infer<typeof CaseEventKindSchema>;
type ChangeValue = string | number | boolean | null;
export type Changes = Record<string, { from: ChangeValue; to: ChangeValue }>;

/** Appending an event, and the persons it is about (their SQL is in queries-chronology.ts). */
export { addCaseEvent, casePersonIds };

/** One audit event per person of the case (or one without a person when it has none). */
function perPerson(
  persons: string[],
  make: (subjectPersonId: string | null) => AuditEvent,
): AuditEvent[] {
  return persons.length > 0 ? persons.map(make) : [make(null)];
}

/**
 * What an audit entry about the case says besides who, where and whom: about the case itself
 * (`resourceType` 'case', the case's id) for case work unless it names another record or purpose.
 */
export interface CaseAuditEntry {
  action: AuditEvent['action'];
  resourceType?: string;
  resourceId?: string;
  purpose?: string;
  details: AuditEvent['details'];
}

/**
 * Writes the entry once per person of the case (the persons given, else all of the case's; one
 * without a person when it has none) in the caller's transaction.
 */
export async function auditCasePersons(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  entry: CaseAuditEntry,
  persons?: string[],
): Promise<void> {
  const subjects = persons ?? (await casePersonIds(trx, access));
  await writeAudit(
    trx,
    ctx.keys.audit,
    perPerson(subjects, (subjectPersonId) =>
      recordEvent(ctx.user, access, {
        action: entry.action,
        resourceType: entry.resourceType ?? 'case',
        resourceId: entry.resourceId ?? access.caseId,
        subjectPersonId,
        purpose: entry.purpose ?? PURPOSES.caseWork,
        requestId: ctx.requestId,
        details: entry.details,
      }),
    ),
  );
}

/** The purpose of a read: break-the-glass when the access came from a grant, else case work. */
export function readPurpose(access: CaseAccess): string {
  return access.breakGlass ? PURPOSES.breakGlass : PURPOSES.caseWork;
}

const changesSchema = CaseEventSchema.shape.changes;

/** A page of the chronology, newest first (keyset on the event id). */
export async function loadChronology(
  db: Kysely<DB>,
  access: CaseAccess,
  filter: z.infer<typeof ChronologyQuery>,
): Promise<Chronology> {
  const rows = await chronologyRows(db, access, filter);
  const authors = await chronologyAuthors(db, access);

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
      happenedOn: r.happened_on,
      backdateReason: BackdateReasonSchema.nullable().parse(r.backdate_reason),
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
    await auditCasePersons(trx, ctx, access, {
      action: 'create',
      details: { change: 'note_added', eventId: id, compartment: body.compartment },
    });
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
    const current = await lockCaseStatus(trx, access);
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
    const version = await saveCaseStatus(trx, access, body.version, next);
    if (version === undefined)
      throw new AppError('conflict', { meta: { currentVersion: current.version } });

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
    await auditCasePersons(trx, ctx, access, {
      action: 'update',
      // Field names and statuses only: the reason is free text and stays in the case.
      details: {
        change: 'status',
        from: current.status,
        to: body.status,
        fields: Object.keys(changes).join(','),
        eventId,
      },
    });
    return version;
  });
}
