import { requireCaseAbility } from '../../access/case-abilities.ts';
import { setCaseConcernLevel } from '../cases/case-rows.ts';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import {
  auditCaseRead,
  ConcernLevelSchema,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
  type CaseWorkContext,
} from '../cases/case-work.ts';
import {
  AssessmentStatusSchema,
  DIMENSIONS,
  type Assessment,
  type AssessmentBody,
  type AssessmentList,
  type Dimension,
  type FinaliseBody,
} from './schema.ts';

/**
 * The case's 360° assessments (udredning), versioned: one draft at a time, started from the
 * latest final one; a final assessment never changes — finalising the next one supersedes it.
 * Readers: members with the whole case (and break-the-glass readers); the risk lens, the risk
 * factors and the overall judgement are compartment content (removed on the way out for readers
 * without it). Writers: the case's coordinators and forum members holding the compartment, while
 * the case is open. Every change appends its chronology event and audit entries in its own
 * transaction; every read writes its audit entries in the transaction of the read.
 */

type Body = z.infer<typeof AssessmentBody>;

/** The content of an assessment as stored (the columns a draft's edit replaces). */
interface Content {
  dimensions: Record<Dimension, { risk: string | null; wellbeing: string | null }>;
  riskFactors: string[];
  protectiveFactors: string[];
  resources: string | null;
  citizenPerspective: string | null;
  sources: string | null;
  overallJudgement: string | null;
  concernLevel: z.infer<typeof ConcernLevelSchema> | null;
  recommendedInterventions: string | null;
  interventionTargets: string | null;
  followUpIntervalDays: number | null;
}

const StoredDimensions = z.record(
  z.string(),
  z.object({
    risk: z.string().nullable().optional(),
    wellbeing: z.string().nullable().optional(),
  }),
);
const StoredList = z.array(z.string());

const emptyToNull = (value: string | null): string | null =>
  value === null || value === '' ? null : value;

function dimensionsOf(value: unknown): Content['dimensions'] {
  const stored = StoredDimensions.parse(value ?? {});
  return Object.fromEntries(
    DIMENSIONS.map((d) => [
      d,
      { risk: stored[d]?.risk ?? null, wellbeing: stored[d]?.wellbeing ?? null },
    ]),
  ) as Content['dimensions'];
}

function contentOfBody(body: Body): Content {
  return {
    dimensions: Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        {
          risk: emptyToNull(body.dimensions[d]?.risk ?? null),
          wellbeing: emptyToNull(body.dimensions[d]?.wellbeing ?? null),
        },
      ]),
    ) as Content['dimensions'],
    riskFactors: body.riskFactors,
    protectiveFactors: body.protectiveFactors,
    resources: emptyToNull(body.resources),
    citizenPerspective: emptyToNull(body.citizenPerspective),
    sources: emptyToNull(body.sources),
    overallJudgement: emptyToNull(body.overallJudgement),
    concernLevel: body.concernLevel,
    recommendedInterventions: emptyToNull(body.recommendedInterventions),
    interventionTargets: emptyToNull(body.interventionTargets),
    followUpIntervalDays: body.followUpIntervalDays,
  };
}

function columnsOf(content: Content) {
  return {
    dimensions: JSON.stringify(content.dimensions),
    risk_factors: JSON.stringify(content.riskFactors),
    protective_factors: JSON.stringify(content.protectiveFactors),
    resources: content.resources,
    citizen_perspective: content.citizenPerspective,
    sources: content.sources,
    overall_judgement: content.overallJudgement,
    concern_level: content.concernLevel,
    recommended_interventions: content.recommendedInterventions,
    intervention_targets: content.interventionTargets,
    follow_up_interval_days: content.followUpIntervalDays,
  };
}

function selectAssessments(db: Kysely<DB>, caseId: string) {
  return db
    .selectFrom('case_assessments as a')
    .innerJoin('users as cu', 'cu.id', 'a.created_by')
    .leftJoin('users as fu', 'fu.id', 'a.finalised_by')
    .selectAll('a')
    .select(['cu.display_name as created_by_name', 'fu.display_name as finalised_by_name'])
    .where('a.case_id', '=', caseId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectAssessments>['executeTakeFirstOrThrow']>>;

function contentOfRow(row: Row): Content {
  return {
    dimensions: dimensionsOf(row.dimensions),
    riskFactors: StoredList.parse(row.risk_factors ?? []),
    protectiveFactors: StoredList.parse(row.protective_factors ?? []),
    resources: row.resources,
    citizenPerspective: row.citizen_perspective,
    sources: row.sources,
    overallJudgement: row.overall_judgement,
    concernLevel: row.concern_level === null ? null : ConcernLevelSchema.parse(row.concern_level),
    recommendedInterventions: row.recommended_interventions,
    interventionTargets: row.intervention_targets,
    followUpIntervalDays: row.follow_up_interval_days,
  };
}

function toAssessment(row: Row): Assessment {
  return {
    id: row.id,
    number: row.number,
    status: AssessmentStatusSchema.parse(row.status),
    basedOnId: row.based_on_id,
    version: row.version,
    ...contentOfRow(row),
    createdBy: { id: row.created_by, name: row.created_by_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    finalisedBy:
      row.finalised_by && row.finalised_by_name !== null
        ? { id: row.finalised_by, name: row.finalised_by_name }
        : null,
    finalisedAt: row.finalised_at ? row.finalised_at.toISOString() : null,
  };
}

async function loadOne(db: Kysely<DB>, caseId: string, id: string): Promise<Assessment> {
  const row = await selectAssessments(db, caseId).where('a.id', '=', id).executeTakeFirstOrThrow();
  return toAssessment(row);
}

/** The names of the fields that differ (for the audit trail: names only, never the texts). */
function changedFields(before: Content, after: Content): string[] {
  const changed: string[] = [];
  for (const d of DIMENSIONS) {
    if (before.dimensions[d].risk !== after.dimensions[d].risk) changed.push(`${d}.risk`);
    if (before.dimensions[d].wellbeing !== after.dimensions[d].wellbeing) {
      changed.push(`${d}.wellbeing`);
    }
  }
  const keys = Object.keys(after).filter((k) => k !== 'dimensions') as (keyof Content)[];
  for (const key of keys) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changed.push(key);
  }
  return changed;
}

/** Every version of the case's assessment, newest first; the read is audited with it. */
export async function listAssessments(
  ctx: CaseWorkContext,
  access: CaseAccess,
): Promise<AssessmentList> {
  requireCaseAbility(access, 'assessment', 'read');
  return ctx.db.transaction().execute(async (trx) => {
    const rows = await selectAssessments(trx, access.caseId).orderBy('a.number', 'desc').execute();
    await auditCaseRead(trx, ctx, access, {
      what: 'assessments',
      details: { count: rows.length },
    });
    return { id: access.caseId, items: rows.map(toAssessment) };
  });
}

/** The row of one assessment of the case, locked; 404 when the case has no such assessment. */
async function lockAssessment(trx: Transaction<DB>, caseId: string, id: string) {
  const row = await trx
    .selectFrom('case_assessments')
    .selectAll()
    .where('id', '=', id)
    .where('case_id', '=', caseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('not_found');
  return row;
}

/** A final (or superseded) assessment never changes: it can only be superseded by a new one. */
function requireDraft(status: string): void {
  if (status !== 'draft') {
    throw new AppError('validation_failed', {
      fields: [{ field: 'assessment.status', code: 'assessment_final' }],
    });
  }
}

/**
 * Starts a new draft, copied from the latest final assessment (or empty for the first one).
 * Idempotent: when a draft exists already, that draft is returned (`created: false`).
 */
export async function startAssessment(
  ctx: CaseWorkContext,
  access: CaseAccess,
): Promise<{ created: boolean; assessment: Assessment }> {
  requireCaseAbility(access, 'assessment', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    requireOpenCase(locked);
    const draft = await trx
      .selectFrom('case_assessments')
      .select('id')
      .where('case_id', '=', access.caseId)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (draft) {
      const assessment = await loadOne(trx, access.caseId, draft.id);
      await auditCaseRead(trx, ctx, access, {
        what: 'assessment',
        details: { assessmentId: draft.id },
      });
      return { created: false, assessment };
    }
    const latestFinal = await selectAssessments(trx, access.caseId)
      .where('a.status', '=', 'final')
      .orderBy('a.number', 'desc')
      .executeTakeFirst();
    const max = await trx
      .selectFrom('case_assessments')
      .select((eb) => eb.fn.max('number').as('max'))
      .where('case_id', '=', access.caseId)
      .executeTakeFirst();
    const number = Number(max?.max ?? 0) + 1;
    const content: Content = latestFinal
      ? contentOfRow(latestFinal)
      : {
          dimensions: dimensionsOf({}),
          riskFactors: [],
          protectiveFactors: [],
          resources: null,
          citizenPerspective: null,
          sources: null,
          overallJudgement: null,
          concernLevel: null,
          recommendedInterventions: null,
          interventionTargets: null,
          followUpIntervalDays: null,
        };
    const now = new Date();
    const inserted = await trx
      .insertInto('case_assessments')
      .values({
        case_id: access.caseId,
        number,
        based_on_id: latestFinal?.id ?? null,
        status: 'draft',
        ...columnsOf(content),
        created_by: ctx.user.id,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordCaseChange(trx, ctx, access, {
      kind: 'assessment_started',
      action: 'create',
      resourceType: 'case_assessment',
      resourceId: inserted.id,
      details: { number, basedOnId: latestFinal?.id ?? null },
    });
    return { created: true, assessment: await loadOne(trx, access.caseId, inserted.id) };
  });
}

/** Replaces the draft's content (optimistic locking on its version). */
export async function updateAssessment(
  ctx: CaseWorkContext,
  access: CaseAccess,
  assessmentId: string,
  body: Body,
): Promise<Assessment> {
  requireCaseAbility(access, 'assessment', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    requireOpenCase(locked);
    const current = await lockAssessment(trx, access.caseId, assessmentId);
    requireDraft(current.status);
    if (current.version !== body.version) throw staleVersion(current.version);
    const before = contentOfRow({ ...current, created_by_name: '', finalised_by_name: null });
    const after = contentOfBody(body);
    const changed = changedFields(before, after);
    const updated = await trx
      .updateTable('case_assessments')
      .set((eb) => ({
        ...columnsOf(after),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('id', '=', assessmentId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw staleVersion(current.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'assessment_updated',
      action: 'update',
      resourceType: 'case_assessment',
      resourceId: assessmentId,
      details: { number: current.number, fields: changed.join(',') },
    });
    return loadOne(trx, access.caseId, assessmentId);
  });
}

/**
 * Finalises the draft: it needs an overall judgement and a concern level (chosen by the
 * professionals). The previous final assessment becomes superseded, and the case takes the
 * concern level (the case's own version does not move: its editable fields are unchanged).
 */
export async function finaliseAssessment(
  ctx: CaseWorkContext,
  access: CaseAccess,
  assessmentId: string,
  body: z.infer<typeof FinaliseBody>,
): Promise<Assessment> {
  requireCaseAbility(access, 'assessment', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access.caseId);
    requireOpenCase(locked);
    const current = await lockAssessment(trx, access.caseId, assessmentId);
    requireDraft(current.status);
    if (current.version !== body.version) throw staleVersion(current.version);
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
    const superseded = await trx
      .updateTable('case_assessments')
      .set({ status: 'superseded', updated_at: now })
      .where('case_id', '=', access.caseId)
      .where('status', '=', 'final')
      .returning('id')
      .execute();
    const finalised = await trx
      .updateTable('case_assessments')
      .set((eb) => ({
        status: 'final',
        finalised_by: ctx.user.id,
        finalised_at: now,
        updated_at: now,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', assessmentId)
      .where('version', '=', body.version)
      .returning('id')
      .executeTakeFirst();
    if (!finalised) throw staleVersion(current.version);
    await setCaseConcernLevel(trx, access.caseId, concernLevel.data, now);
    await recordCaseChange(trx, ctx, access, {
      kind: 'assessment_finalised',
      action: 'update',
      resourceType: 'case_assessment',
      resourceId: assessmentId,
      changes: { concernLevel: { from: locked.concernLevel, to: concernLevel.data } },
      details: {
        number: current.number,
        status: 'final',
        superseded: superseded.map((s) => s.id).join(',') || null,
      },
    });
    return loadOne(trx, access.caseId, assessmentId);
  });
}
