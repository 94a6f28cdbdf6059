import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
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
} from './schema.ts';
import { BackdateReasonSchema } from '../../../shared/values.ts';
import { presentChanges, storedConcernNames } from './intervention-names.ts';
import {
  addCaseEvent,
  addCaseEvents,
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

/** Appending events, and the persons they are about (their SQL is in queries-chronology.ts). */
export { addCaseEvent, addCaseEvents, casePersonIds };

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
  await writeAudit(trx, ctx.keys.audit, entryEvents(ctx, access, entry, subjects));
}

/** The audit events of one entry: once per subject (one without a person when there is none). */
function entryEvents(
  ctx: RequestContext,
  access: CaseAccess,
  entry: CaseAuditEntry,
  subjects: string[],
): AuditEvent[] {
  return perPerson(subjects, (subjectPersonId) =>
    recordEvent(ctx.user, access, {
      action: entry.action,
      resourceType: entry.resourceType ?? 'case',
      resourceId: entry.resourceId ?? access.caseId,
      subjectPersonId,
      purpose: entry.purpose ?? PURPOSES.caseWork,
      requestId: ctx.requestId,
      details: entry.details,
    }),
  );
}

/** Several entries at once, each once per person of the case, in one write. */
export async function auditCasePersonsMany(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  entries: CaseAuditEntry[],
): Promise<void> {
  if (entries.length === 0) return;
  const subjects = await casePersonIds(trx, access);
  await writeAudit(
    trx,
    ctx.keys.audit,
    entries.flatMap((entry) => entryEvents(ctx, access, entry, subjects)),
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
