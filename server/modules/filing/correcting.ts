import type { Transaction } from 'kysely';
import { FilingDocumentKindSchema } from '../../../shared/values.ts';
import { hasCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { danishToday } from '../cases/chronology.ts';
import { inCaseTransaction, recordCaseChange, staleVersion } from '../cases/case-work.ts';
import { readableDocument } from './documents.ts';
import { presentFiling } from './listing.ts';
import { correctFilingRow, filingById, lockFiling, withdrawFilingRow } from './queries.ts';
import { isJournalNumber } from './rules.ts';
import type { CorrectFilingBody, Filing, WithdrawFilingBody } from './schema.ts';

/**
 * A recorded filing corrected or withdrawn (issue 12 part 9). Nothing is deleted: a correction
 * replaces the journal number and the day and moves the filing's version, and its chronology
 * event says what they were, what they became and why ("Journalisering rettet"); a filing
 * recorded in error is marked withdrawn with who, when and why ("Journalisering trukket
 * tilbage"), and the same version may then be recorded again. Correcting is for those who may
 * record a filing (`filing.write`), withdrawing for the case's coordinators (`filing.approve`).
 * Both in one transaction with the case locked, the filing locked, its version checked (409 with
 * the current one when stale), the chronology event and the audit entries.
 */

/**
 * The filing, locked, as a change may find it: 404 when the case has no such filing or the
 * caller may not read it; refused when withdrawn; 409 with its version when the caller saw
 * another.
 */
async function lockedFiling(
  trx: Transaction<DB>,
  access: CaseAccess,
  filingId: string,
  version: number,
) {
  const current = await lockFiling(trx, access, filingId);
  if (!current) throw new AppError('not_found');
  // A member who may not read the document (its PDF's rule) learns nothing of its filing.
  readableDocument(access, FilingDocumentKindSchema.parse(current.document_kind));
  if (current.withdrawn_at !== null) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'filing.status', code: 'filing_withdrawn' }],
    });
  }
  if (current.version !== version) throw staleVersion(current.version);
  return current;
}

/** The filing as it is now, inside the transaction of the change. */
async function presentNow(trx: Transaction<DB>, access: CaseAccess, filingId: string) {
  const row = await filingById(trx, access, filingId);
  if (!row) throw new AppError('not_found');
  return presentFiling(row);
}

/** "Ret journalisering": the journal number and the day as they should have been, with a reason. */
export async function correctFiling(
  ctx: RequestContext,
  access: CaseAccess,
  filingId: string,
  body: CorrectFilingBody,
  now = new Date(),
): Promise<Filing> {
  if (!hasCaseAbility(access, 'filing', 'read')) throw new AppError('not_found');
  return inCaseTransaction(ctx, access, 'filing', 'write', async (trx) => {
    const current = await lockedFiling(trx, access, filingId, body.version);
    const problems: FieldProblem[] = [];
    if (!isJournalNumber(body.journalNumber)) {
      problems.push({ field: 'body.journalNumber', code: 'journal_number_format' });
    }
    if (body.filedOn > danishToday(now)) {
      problems.push({ field: 'body.filedOn', code: 'in_future' });
    } else if (body.filedOn < current.document_date) {
      problems.push({ field: 'body.filedOn', code: 'filed_before_document' });
    }
    const journalChanged = body.journalNumber !== current.journal_number;
    const dayChanged = body.filedOn !== current.filed_on;
    if (problems.length === 0 && !journalChanged && !dayChanged) {
      problems.push({ field: 'body.journalNumber', code: 'filing_unchanged' });
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const saved = await correctFilingRow(trx, access, filingId, body.version, {
      journalNumber: body.journalNumber,
      filedOn: body.filedOn,
      by: ctx.user.id,
      at: now,
    });
    if (!saved) throw staleVersion(current.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'filing_corrected',
      changes: {
        document: { from: null, to: current.document_kind },
        documentVersion: { from: null, to: current.document_version },
        // What changed as "old → new"; what did not, as the fact it still is.
        journalNumber: {
          from: journalChanged ? current.journal_number : null,
          to: body.journalNumber,
        },
        ...(dayChanged ? { filedOn: { from: current.filed_on, to: body.filedOn } } : {}),
        correctionReason: { from: null, to: body.reason },
      },
      action: 'update',
      resourceType: 'case_filing',
      resourceId: filingId,
      details: {
        document: current.document_kind,
        version: current.document_version,
        fields: [journalChanged && 'journalNumber', dayChanged && 'filedOn']
          .filter(Boolean)
          .join(','),
      },
    });
    return presentNow(trx, access, filingId);
  });
}

/** "Træk journalisering tilbage": a filing recorded in error, kept and marked withdrawn. */
export async function withdrawFiling(
  ctx: RequestContext,
  access: CaseAccess,
  filingId: string,
  body: WithdrawFilingBody,
  now = new Date(),
): Promise<Filing> {
  if (!hasCaseAbility(access, 'filing', 'read')) throw new AppError('not_found');
  return inCaseTransaction(ctx, access, 'filing', 'approve', async (trx) => {
    const current = await lockedFiling(trx, access, filingId, body.version);
    const saved = await withdrawFilingRow(trx, access, filingId, body.version, {
      reason: body.reason,
      by: ctx.user.id,
      at: now,
    });
    if (!saved) throw staleVersion(current.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'filing_withdrawn',
      changes: {
        document: { from: null, to: current.document_kind },
        documentVersion: { from: null, to: current.document_version },
        journalNumber: { from: null, to: current.journal_number },
        withdrawalReason: { from: null, to: body.reason },
      },
      action: 'update',
      resourceType: 'case_filing',
      resourceId: filingId,
      details: {
        document: current.document_kind,
        version: current.document_version,
        status: 'withdrawn',
      },
    });
    return presentNow(trx, access, filingId);
  });
}
