import type { Kysely } from 'kysely';
import { pruneAuditChain } from '../../platform/audit/prune.ts';
import { writeAudit } from '../../platform/audit/write.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { RetentionKind } from '../../../shared/retention.ts';
import { danishToday } from '../cases/chronology.ts';
import { deleteCaseForRetention } from '../cases/queries-retention.ts';
import { deleteInquiriesForRetention } from '../inquiries/queries-retention.ts';
import { deleteUnreferencedPersons } from '../persons/queries-retention.ts';
import { auditCutoff, dueRecords, type DueCandidate } from './due.ts';
import { getPeriods } from './periods.ts';
import {
  deleteLiftedHolds,
  findActiveHold,
  findRecordReference,
  firstHeldAuditSeq,
  lockRecordForDeletion,
} from './queries-holds.ts';
import { findMunicipalitiesWithPeriods } from './queries-due.ts';
import { insertTombstone } from './queries-tombstones.ts';

/**
 * The daily retention job (docs/RETENTION.md, docs/OPERATIONS.md): in every municipality that has
 * confirmed a period, each record whose confirmed period has ended, whose archival export has
 * been taken and which no legal hold stops is deleted through its owners (the case or inquiry,
 * the inquiries a case came from, then the persons no remaining record names); an anonymous
 * tombstone and an audit entry are written in the same transaction. Then the audit trail's
 * entries older than its confirmed period are pruned behind a signed anchor. `now` is the clock.
 */
export interface RetentionJobResult {
  deleted: number;
  auditPruned: number;
  /** Records whose deletion failed (rolled back); the run went on with the next. */
  failed: number;
}

/** What is told about a record whose deletion failed: its kind and an error code, nothing else. */
export interface RetentionFailure {
  recordKind: 'case' | 'inquiry';
  code: string;
}

interface Actor {
  userId: string | null;
  role: string;
  requestId: string | null;
}

async function deleteCandidate(
  db: Kysely<DB>,
  key: Buffer,
  code: string,
  candidate: DueCandidate,
  actor: Actor,
  now: Date,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The hold is read again under the record's lock: one placed since the list was made wins,
    // and one being placed right now is waited for.
    if (!(await lockRecordForDeletion(trx, code, candidate.recordKind, candidate.recordId))) {
      return false;
    }
    if (await findActiveHold(trx, code, candidate.recordKind, candidate.recordId)) return false;
    // Lifted holds are history; the reference restricts (0043), so they go first, explicitly.
    await deleteLiftedHolds(trx, code, candidate.recordKind, candidate.recordId);
    let persons: string[];
    if (candidate.recordKind === 'case') {
      const fromInquiries = await deleteInquiriesForRetention(trx, code, {
        caseId: candidate.recordId,
      });
      const deleted = await deleteCaseForRetention(trx, code, candidate.recordId);
      if (!deleted.deleted) return false;
      persons = [...deleted.personIds, ...fromInquiries.personIds];
    } else {
      const deleted = await deleteInquiriesForRetention(trx, code, {
        inquiryId: candidate.recordId,
      });
      if (deleted.deleted === 0) return false;
      persons = deleted.personIds;
    }
    const personsDeleted = await deleteUnreferencedPersons(trx, code, persons);
    await insertTombstone(trx, {
      municipalityCode: code,
      recordKind: candidate.recordKind,
      retentionKind: candidate.retentionKind as RetentionKind,
      ...candidate.tombstone,
      exportId: candidate.exportId as string,
      deletedOn: danishToday(now),
    });
    await writeAudit(trx, key, {
      municipalityCode: code,
      actorUserId: actor.userId,
      actorRole: actor.role,
      action: 'delete',
      resourceType: candidate.recordKind,
      resourceId: candidate.recordId,
      purpose: 'retention',
      requestId: actor.requestId,
      details: {
        retentionKind: candidate.retentionKind,
        periodEnded: candidate.periodEnded,
        exportId: candidate.exportId,
        personsDeleted,
      },
    });
    return true;
  });
}

/**
 * Prunes one municipality's chain behind a signed anchor, with an audit entry of the pruning,
 * stopping before the first entry about a record under legal hold.
 * The application's production role (db/roles/app-role.sql) may not delete audit entries: there
 * the pruning is skipped (permission denied, 42501) until the operator grants it
 * (docs/OPERATIONS.md), and the rest of the job goes on.
 */
async function pruneAudit(db: Kysely<DB>, key: Buffer, code: string, cutoff: Date) {
  try {
    return await db.transaction().execute(async (trx) => {
      const keepFrom = await firstHeldAuditSeq(trx, code, cutoff);
      const pruned = await pruneAuditChain(trx, key, code, cutoff, keepFrom);
      if (pruned > 0) {
        await writeAudit(trx, key, {
          municipalityCode: code,
          actorUserId: null,
          actorRole: 'system',
          action: 'delete',
          resourceType: 'audit_trail',
          purpose: 'retention',
          details: { pruned, before: cutoff.toISOString() },
        });
      }
      return pruned;
    });
  } catch (error) {
    if ((error as { code?: string }).code === '42501' && !isAppendOnly(error)) return 0;
    throw error;
  }
}

/** The append-only trigger's refusal (also 42501) is a defect, never a missing grant. */
const isAppendOnly = (error: unknown) =>
  error instanceof Error && error.message.includes('append-only');

const SYSTEM: Actor = { userId: null, role: 'system', requestId: null };

/**
 * One failing record (an unexpected error, e.g. a restricting reference or a serialization
 * failure) is rolled back, told to `onFailure` with its kind and error code only (no personal
 * data, no message), counted, and the run goes on with the next record and municipality.
 */
export async function runRetentionJob(
  db: Kysely<DB>,
  key: Buffer,
  now: Date = new Date(),
  onFailure: (failure: RetentionFailure) => void = () => {},
): Promise<RetentionJobResult> {
  let deleted = 0;
  let auditPruned = 0;
  let failed = 0;
  for (const code of await findMunicipalitiesWithPeriods(db)) {
    for (const candidate of await dueRecords(db, code, now)) {
      if (candidate.status !== 'will_delete') continue;
      try {
        if (await deleteCandidate(db, key, code, candidate, SYSTEM, now)) deleted += 1;
      } catch (error) {
        failed += 1;
        const errorCode = (error as { code?: unknown }).code;
        onFailure({
          recordKind: candidate.recordKind,
          code: typeof errorCode === 'string' ? errorCode : 'unknown',
        });
      }
    }
    const audit = (await getPeriods(db, code)).find((p) => p.kind === 'audit_trail');
    if (audit?.confirmed) auditPruned += await pruneAudit(db, key, code, auditCutoff(audit, now));
  }
  return { deleted, auditPruned, failed };
}

/**
 * The administrator deletes one record now (the same rule as the job): refused on the field with
 * a Danish message when a legal hold stops it, or when it is not due (period, confirmation,
 * export); 404 when the municipality has no such record.
 */
export async function deleteRecordNow(
  ctx: RequestContext,
  body: { recordKind: 'case' | 'inquiry'; recordId: string },
  now: Date = new Date(),
): Promise<{ deleted: number }> {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  if ((await findRecordReference(ctx.db, code, body.recordKind, body.recordId)) === undefined) {
    throw new AppError('not_found');
  }
  const refuse = (problem: string) =>
    new AppError('validation_failed', { fields: [{ field: 'body.recordId', code: problem }] });
  if (await findActiveHold(ctx.db, code, body.recordKind, body.recordId)) {
    throw refuse('under_legal_hold');
  }
  const candidate = (await dueRecords(ctx.db, code, now)).find(
    (r) => r.recordId === body.recordId && r.recordKind === body.recordKind,
  );
  if (candidate?.status === 'access_request_open') throw refuse('access_request_open');
  if (!candidate || candidate.status !== 'will_delete') throw refuse('not_due');
  const actor = { userId: ctx.user.id, role: 'municipal_admin', requestId: ctx.requestId };
  if (!(await deleteCandidate(ctx.db, ctx.keys.audit, code, candidate, actor, now))) {
    throw refuse('under_legal_hold');
  }
  return { deleted: 1 };
}
