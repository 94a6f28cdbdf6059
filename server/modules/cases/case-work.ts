import type { Transaction } from 'kysely';
import type { CaseKey, RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { writeAudit, type AuditEvent } from '../../platform/audit/write.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import {
  checkBackdate,
  storedBackdate,
  type Backdate,
  type StoredBackdate,
} from '../../platform/backdating.ts';
import type { BackdateReason } from '../../../shared/values.ts';
import { recordEvent, PURPOSES } from '../../access/record-audit.ts';
import type { CaseAccess } from '../../access/records.ts';
import { requireCaseAbility, type CasePart } from '../../access/case-abilities.ts';
import {
  addCaseEvent,
  addCaseEvents,
  auditCasePersons,
  auditCasePersonsMany,
  danishToday,
  readPurpose,
  type CaseEventKind,
  type Changes,
} from './chronology.ts';
import { lockCaseRow, rowWithClientId } from './queries-case-edits.ts';
import { markEventCompartment } from './queries-chronology.ts';

/**
 * What every part of case work (assessment, plan, interventions, follow-up, closure) shares:
 * who may do what, the case row locked for a change, one call that appends the chronology event
 * and the audit entries of a change, the audit entries of a read, notifications to the case's
 * coordinators, and the value lists several parts use.
 */

export {
  COMPETENCES,
  CONCERN_ORDER,
  CompetenceRatingsSchema,
  ConcernLevelSchema,
  GoalStatusSchema,
  type Competence,
  type ConcernLevel,
  type GoalStatus,
} from '../../../shared/values.ts';

/** The real date of a back-dated chronology event and why it was recorded later. */
export interface EventBackdate {
  happenedOn: string;
  reason: BackdateReason;
}

export interface LockedCase {
  status: string;
  openedAt: Date;
  closedAt: Date | null;
  concernLevel: string | null;
  version: number;
  /** When the inquiry that opened the case was received (null for a case without one). */
  concernReceivedAt: Date | null;
}

/** The case row, locked for the rest of the transaction (changes to one case run one at a time). */
export async function lockCase(trx: Transaction<DB>, theCase: CaseKey): Promise<LockedCase> {
  const row = await lockCaseRow(trx, theCase);
  if (!row) throw new AppError('not_found');
  return {
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    concernLevel: row.concern_level,
    version: row.version,
    concernReceivedAt: row.concern_received_at === null ? null : new Date(row.concern_received_at),
  };
}

/**
 * A change to one part of the case: the caller's ability is checked first (before anything is
 * locked), then `change` runs in one transaction with the case row locked.
 */
export async function inCaseTransaction<T>(
  ctx: RequestContext,
  access: CaseAccess,
  part: CasePart,
  action: 'write' | 'approve',
  change: (trx: Transaction<DB>, locked: LockedCase) => Promise<T>,
): Promise<T> {
  requireCaseAbility(access, part, action);
  return ctx.db.transaction().execute(async (trx) => change(trx, await lockCase(trx, access)));
}

/** The day the case opened, in Danish time (work on the case is not dated before it). */
export function openedOn(locked: LockedCase): string {
  return danishToday(locked.openedAt);
}

/**
 * The checks of a date of case work that may lie before the case was opened (issue 12): not
 * before the concern was received (`before_concern_received` on `field`), and before the opening
 * day only with a reason (`checkBackdate`). True when the date is back-dated.
 */
export function checkCaseDate(
  locked: LockedCase,
  field: string,
  date: string | null | undefined,
  problems: FieldProblem[],
): boolean {
  if (!date) return false;
  if (locked.concernReceivedAt && date < danishToday(locked.concernReceivedAt)) {
    problems.push({ field, code: 'before_concern_received' });
    return false;
  }
  return date < openedOn(locked);
}

/**
 * The back-dating of a record with the given dates: its problems (a reason is needed when one of
 * them lies before the opening day) and what is stored with the record and its chronology event.
 */
export function caseBackdate(
  locked: LockedCase,
  dates: Record<string, string | null | undefined>,
  body: Backdate,
  problems: FieldProblem[],
): { stored: StoredBackdate; event: EventBackdate | undefined } {
  let backdated = false;
  let earliest: string | undefined;
  for (const [field, date] of Object.entries(dates)) {
    if (checkCaseDate(locked, field, date, problems) && date) {
      backdated = true;
      if (!earliest || date < earliest) earliest = date;
    }
  }
  checkBackdate(backdated, body, problems);
  const stored = storedBackdate(backdated, body);
  return {
    stored,
    event:
      earliest && stored.backdate_reason
        ? { happenedOn: earliest, reason: stored.backdate_reason }
        : undefined,
  };
}

/** A closed case (or one under re-review) takes no new work until it is reopened. */
export function requireOpenCase(locked: LockedCase): void {
  if (locked.status === 'closed' || locked.status === 'under_review') {
    throw new AppError('validation_failed', {
      fields: [{ field: 'case.status', code: 'case_closed' }],
    });
  }
}

/**
 * Appends one chronology event for a change and writes its audit entries (one per person of the
 * case) in the caller's transaction. `details` go to the audit trail: ids, field names and
 * statuses only, never free text.
 */
export async function recordCaseChange(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  change: {
    kind: CaseEventKind;
    changes?: Changes;
    action?: AuditEvent['action'];
    resourceType?: string;
    resourceId?: string;
    details?: Record<string, string | number | boolean | null>;
    /** An event about the concern itself: only readers with the compartment see it. */
    compartment?: boolean;
    /**
     * The intervention the event is about. Its catalogue entry's name is not stored in `changes`
     * but read when the event is shown, as the reader may see it (intervention-names.ts).
     */
    interventionId?: string;
    /** A back-dated event: its real date and why it is recorded later (`caseBackdate`). */
    backdate?: EventBackdate;
  },
): Promise<string> {
  const eventId = await addCaseEvent(
    trx,
    access.caseId,
    ctx.user.id,
    change.kind,
    change.changes ?? {},
    undefined,
    change.interventionId,
    change.backdate,
  );
  if (change.compartment) {
    await markEventCompartment(trx, access.municipalityCode, Number(eventId));
  }
  await auditCasePersons(trx, ctx, access, {
    action: change.action ?? 'update',
    resourceType: change.resourceType,
    resourceId: change.resourceId,
    details: { change: change.kind, eventId, ...change.details },
  });
  return eventId;
}

/**
 * Several changes of one step at once (the interventions a resumed case resumes): their events
 * in one statement and their audit entries (one per change and person of the case) in one write,
 * in the caller's transaction. As with `recordCaseChange`, `details` hold no free text.
 */
export async function recordCaseChanges(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  changes: {
    kind: CaseEventKind;
    changes: Changes;
    resourceType: string;
    resourceId: string;
    interventionId?: string;
    details: Record<string, string | number | boolean | null>;
  }[],
): Promise<void> {
  const eventIds = await addCaseEvents(trx, access.caseId, ctx.user.id, changes);
  await auditCasePersonsMany(
    trx,
    ctx,
    access,
    changes.map((change, i) => ({
      action: 'update',
      resourceType: change.resourceType,
      resourceId: change.resourceId,
      details: { change: change.kind, eventId: eventIds[i] ?? null, ...change.details },
    })),
  );
}

/**
 * The audit entries of a read of the case's personal data (one per person of the case, or only
 * the persons given), in the transaction of the read itself.
 */
export async function auditCaseRead(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  read: { what: string; persons?: string[]; details?: Record<string, string | number | boolean> },
): Promise<void> {
  await auditCasePersons(
    trx,
    ctx,
    access,
    {
      action: 'read',
      purpose: readPurpose(access),
      details: { read: read.what, compartment: access.compartment, ...read.details },
    },
    read.persons,
  );
}

/**
 * The audit entry of a change to who may open the case (a member added or removed), in the
 * caller's transaction. `details` name the change, the member's user id and role: no names.
 */
export async function auditMembership(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  details: AuditEvent['details'],
): Promise<void> {
  await writeAudit(
    trx,
    ctx.keys.audit,
    recordEvent(ctx.user, access, {
      action: 'permission_change',
      resourceType: 'case',
      resourceId: access.caseId,
      purpose: PURPOSES.membership,
      requestId: ctx.requestId,
      details,
    }),
  );
}

/**
 * Idempotent creates: the record an earlier request made with the same client-made id, or
 * undefined when there is none. An id already used in another case is refused with `clash`.
 * The one lookup of case work without the tenant key: a client-made id is refused wherever it is
 * used already, in any municipality (only the row's case id is read, never shown).
 */
export async function earlierCreate(
  trx: Transaction<DB>,
  table: 'case_interventions' | 'case_offers' | 'case_follow_ups',
  id: string | undefined,
  caseId: string,
  clash: 'duplicate' | 'conflict',
): Promise<{ id: string; version: number; created: false } | undefined> {
  if (!id) return undefined;
  const existing = await rowWithClientId(trx, table, id);
  if (!existing) return undefined;
  if (existing.case_id !== caseId) throw new AppError(clash);
  return { id: existing.id, version: existing.version, created: false };
}

/** A stale edit: the record changed since the caller read it (409 with the current version). */
export function staleVersion(currentVersion: number): AppError {
  return new AppError('conflict', { meta: { currentVersion } });
}
