import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import { setCaseConcernLevel } from '../cases/queries-case-rows.ts';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  auditCaseRead,
  ConcernLevelSchema,
  inCaseTransaction,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
} from '../cases/case-work.ts';
import { assessmentChanges } from './changes.ts';
import {
  columnsOf,
  contentOfBody,
  contentOfRow,
  emptyContent,
  isAboutChild,
  withoutChildView,
  type Body,
  type Content,
} from './content.ts';
import {
  citizenBirthDate,
  draftId,
  insertDraft,
  latestFinal as latestFinalRow,
  lockAssessmentRow,
  markFinal,
  nextNumber,
  saveContent,
  supersedeFinal,
} from './queries.ts';
import { loadOne } from './reading.ts';
import type { Assessment, FinaliseBody } from './schema.ts';

/**
 * Writing the case's 360° assessments, versioned: one draft at a time, started from the latest
 * final one; a final assessment never changes — finalising the next one supersedes it. Writers:
 * the case's coordinators and forum members holding the compartment, while the case is open.
 * Every change appends its chronology event and audit entries in its own transaction.
 */

/**
 * The step before every change of a draft: the case, locked and open, and then the assessment of
 * the case, locked (404 when the case has no such assessment). A final (or superseded) assessment
 * never changes: it can only be superseded by a new one. The draft must still be at the version
 * the caller saw.
 */
async function lockDraft(trx: Transaction<DB>, access: CaseAccess, id: string, version: number) {
  const locked = await lockCase(trx, access);
  requireOpenCase(locked);
  const current = await lockAssessmentRow(trx, access, id);
  if (!current) throw new AppError('not_found');
  if (current.status !== 'draft') {
    throw new AppError('validation_failed', {
      fields: [{ field: 'assessment.status', code: 'assessment_final' }],
    });
  }
  if (current.version !== version) throw staleVersion(current.version);
  return { locked, current };
}

/**
 * Starts a new draft, copied from the latest final assessment (or empty for the first one).
 * Idempotent: when a draft exists already, that draft is returned (`created: false`).
 */
export async function startAssessment(
  ctx: RequestContext,
  access: CaseAccess,
): Promise<{ created: boolean; assessment: Assessment }> {
  return inCaseTransaction(ctx, access, 'assessment', 'write', async (trx, locked) => {
    requireOpenCase(locked);
    const draft = await draftId(trx, access);
    if (draft) {
      const assessment = await loadOne(trx, access, draft);
      await auditCaseRead(trx, ctx, access, {
        what: 'assessment',
        details: { assessmentId: draft },
      });
      return { created: false, assessment };
    }
    const latestFinal = await latestFinalRow(trx, access);
    const number = await nextNumber(trx, access);
    const now = new Date();
    const copied: Content = latestFinal ? contentOfRow(latestFinal) : emptyContent();
    // The child's own view belongs to an assessment about a child: not carried into an adult's.
    const aboutChild = isAboutChild(
      await citizenBirthDate(trx, access),
      { finalised_at: null },
      now,
    );
    const content = aboutChild ? copied : withoutChildView(copied);
    const insertedId = await insertDraft(trx, {
      case_id: access.caseId,
      number,
      based_on_id: latestFinal?.id ?? null,
      ...columnsOf(content),
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'assessment_started',
      action: 'create',
      resourceType: 'case_assessment',
      resourceId: insertedId,
      details: { number, basedOnId: latestFinal?.id ?? null },
    });
    return { created: true, assessment: await loadOne(trx, access, insertedId) };
  });
}

/**
 * The child's own view and how the child was involved are recorded only while the case's
 * citizen is under 18 (a draft's day is today): for an adult they are refused on the field.
 */
async function refuseChildViewOfAdult(trx: Transaction<DB>, access: CaseAccess, after: Content) {
  if (after.childView === null && after.childInvolvement === null) return;
  const birthDate = await citizenBirthDate(trx, access);
  if (isAboutChild(birthDate, { finalised_at: null }, new Date())) return;
  const problems: FieldProblem[] = [];
  if (after.childView !== null) problems.push({ field: 'body.childView', code: 'child_only' });
  if (after.childInvolvement !== null) {
    problems.push({ field: 'body.childInvolvement', code: 'child_only' });
  }
  throw new AppError('validation_failed', { fields: problems });
}

/** Replaces the draft's content (optimistic locking on its version). */
export async function updateAssessment(
  ctx: RequestContext,
  access: CaseAccess,
  assessmentId: string,
  body: Body,
): Promise<Assessment> {
  requireCaseAbility(access, 'assessment', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const { current } = await lockDraft(trx, access, assessmentId, body.version);
    const before = contentOfRow({ ...current, created_by_name: '', finalised_by_name: null });
    const after = contentOfBody(body);
    await refuseChildViewOfAdult(trx, access, after);
    const updated = await saveContent(trx, access, assessmentId, body.version, columnsOf(after));
    if (!updated) throw staleVersion(current.version);
    await recordAssessmentEdit(trx, ctx, access, current.number, assessmentId, before, after);
    return loadOne(trx, access, assessmentId);
  });
}

/**
 * The chronology of an edit, field by field in words (changes.ts): an event with the ordinary
 * fields' changes, and one compartmented like the source with the compartment's fields' changes
 * (only readers with the compartment see it); an edit of the compartment's fields alone writes
 * only that one. Each event's audit entries name its fields, never the texts.
 */
async function recordAssessmentEdit(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  number: number,
  assessmentId: string,
  before: Content,
  after: Content,
): Promise<void> {
  const { ordinary, compartment } = assessmentChanges(before, after);
  const hasCompartment = Object.keys(compartment).length > 0;
  const events = [
    {
      changes: ordinary,
      compartment: false,
      write: !hasCompartment || Object.keys(ordinary).length > 0,
    },
    { changes: compartment, compartment: true, write: hasCompartment },
  ];
  for (const event of events.filter((e) => e.write)) {
    await recordCaseChange(trx, ctx, access, {
      kind: 'assessment_updated',
      changes: event.changes,
      compartment: event.compartment,
      action: 'update',
      resourceType: 'case_assessment',
      resourceId: assessmentId,
      details: { number, fields: Object.keys(event.changes).join(',') },
    });
  }
}

/**
 * Finalises the draft: it needs an overall judgement and a concern level (chosen by the
 * professionals). The previous final assessment becomes superseded, and the case takes the
 * concern level (the case's own version does not move: its editable fields are unchanged).
 */
export async function finaliseAssessment(
  ctx: RequestContext,
  access: CaseAccess,
  assessmentId: string,
  body: z.infer<typeof FinaliseBody>,
): Promise<Assessment> {
  requireCaseAbility(access, 'assessment', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const { locked, current } = await lockDraft(trx, access, assessmentId, body.version);
    const problems: FieldProblem[] = [];
    if (!current.overall_judgement) {
      problems.push({ field: 'body.overallJudgement', code: 'required_to_finalise' });
    }
    const concernLevel = ConcernLevelSchema.safeParse(current.concern_level);
    if (!concernLevel.success) {
      problems.push({ field: 'body.concernLevel', code: 'required_to_finalise' });
    }
    if (problems.length > 0 || !concernLevel.success) {
      throw new AppError('validation_failed', { fields: problems });
    }
    const now = new Date();
    const superseded = await supersedeFinal(trx, access, now);
    const finalised = await markFinal(trx, access, assessmentId, body.version, ctx.user.id, now);
    if (!finalised) throw staleVersion(current.version);
    await setCaseConcernLevel(trx, access, concernLevel.data, now);
    await recordCaseChange(trx, ctx, access, {
      kind: 'assessment_finalised',
      action: 'update',
      resourceType: 'case_assessment',
      resourceId: assessmentId,
      changes: { concernLevel: { from: locked.concernLevel, to: concernLevel.data } },
      details: {
        number: current.number,
        status: 'final',
        superseded: superseded.join(',') || null,
      },
    });
    return loadOne(trx, access, assessmentId);
  });
}
