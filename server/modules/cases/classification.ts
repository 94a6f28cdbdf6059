import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { z } from 'zod';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import type { CaseAccess } from '../../access/records.ts';
import { lockCase, recordCaseChange, staleVersion } from './case-work.ts';
import type { Changes } from './chronology.ts';
import { classificationRow, saveClassification } from './queries-case-edits.ts';
import type { ClassificationBody } from './schema.ts';

/**
 * The case's classification (from the inquiry decision), edited with history. Only the case's
 * coordinators with the compartment: the classification names the concern itself. Optimistic
 * locking on the case's version. The chronology event is a compartment event whose changes hold
 * enum codes and booleans only: for the free-text "other form" only whether it was given before
 * and after (case_events keeps text for notes only). The audit trail gets field names only.
 */
type Body = z.infer<typeof ClassificationBody>;

/** Body field → cases column, in the order the changes are listed. */
const COLUMNS = {
  extremismForm: 'extremism_form',
  ageGroup: 'age_group',
  authorityArea: 'authority_area',
  primaryConcern: 'primary_concern',
  subjectKind: 'subject_kind',
  environment: 'environment',
} as const;
type Field = keyof typeof COLUMNS;
type Value = string | boolean | null;

export async function updateClassification(
  ctx: RequestContext,
  access: CaseAccess,
  body: Body,
): Promise<number> {
  requireCaseAbility(access, 'classification', 'write');

  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockCase(trx, access);
    if (locked.version !== body.version) throw staleVersion(locked.version);
    const current = await classificationRow(trx, access);

    const before: Record<Field, Value> = {
      extremismForm: current.extremism_form,
      ageGroup: current.age_group,
      authorityArea: current.authority_area,
      primaryConcern: current.primary_concern,
      subjectKind: current.subject_kind,
      environment: current.environment,
    };
    const after: Record<Field, Value> = { ...before };
    for (const field of Object.keys(COLUMNS) as Field[]) {
      const value = body[field];
      if (value !== undefined) after[field] = value;
    }
    // The "other" text follows the form: required with 'other', cleared with anything else.
    const problems: FieldProblem[] = [];
    let otherAfter: string | null = current.extremism_form_other;
    if (after.extremismForm === 'other') {
      if (body.extremismFormOther !== undefined) otherAfter = body.extremismFormOther;
      if (otherAfter === null)
        problems.push({ field: 'body.extremismFormOther', code: 'required' });
    } else {
      if (body.extremismFormOther !== undefined && body.extremismFormOther !== null) {
        problems.push({ field: 'body.extremismFormOther', code: 'only_with_other_form' });
      }
      otherAfter = null;
    }
    if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });

    const changes: Changes = {};
    for (const field of Object.keys(COLUMNS) as Field[]) {
      if (before[field] !== after[field])
        changes[field] = { from: before[field], to: after[field] };
    }
    const otherChanged = otherAfter !== current.extremism_form_other;
    // The text itself never goes into `changes`: only whether it was given before and after.
    if (otherChanged) {
      changes.extremismFormOther = {
        from: current.extremism_form_other !== null,
        to: otherAfter !== null,
      };
    }
    if (Object.keys(changes).length === 0) return locked.version;

    const version = await saveClassification(trx, access, {
      extremism_form: after.extremismForm as string | null,
      extremism_form_other: otherAfter,
      age_group: after.ageGroup as string | null,
      authority_area: after.authorityArea as string | null,
      primary_concern: after.primaryConcern as boolean | null,
      subject_kind: after.subjectKind as string | null,
      environment: after.environment as string | null,
    });

    await recordCaseChange(trx, ctx, access, {
      kind: 'classification_changed',
      changes,
      compartment: true,
      details: { fields: Object.keys(changes).join(',') },
    });
    return version;
  });
}
