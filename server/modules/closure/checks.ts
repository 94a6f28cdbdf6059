import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { lockClosureRow } from './queries-writes.ts';

/**
 * The rules a closure proposal must meet when it is made and again when it is approved: every
 * goal of the approved plan and every open intervention accounted for exactly once.
 */

export function statusOf(value: string): 'proposed' | 'approved' | 'rejected' {
  return value === 'approved' || value === 'rejected' ? value : 'proposed';
}

/** Every goal of the approved plan named exactly once, and no other. */
export function checkGoals(
  keys: string[],
  statuses: { goalKey: string; status: string }[],
  prefix = 'body',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(keys);
  const seen = new Set<string>();
  statuses.forEach((entry, index) => {
    if (!known.has(entry.goalKey)) {
      problems.push({ field: `${prefix}.goalStatuses.${index}.goalKey`, code: 'unknown_goal' });
    } else if (seen.has(entry.goalKey)) {
      problems.push({ field: `${prefix}.goalStatuses.${index}.goalKey`, code: 'duplicate' });
    }
    seen.add(entry.goalKey);
  });
  if (keys.some((key) => !seen.has(key))) {
    problems.push({ field: `${prefix}.goalStatuses`, code: 'goal_status_missing' });
  }
  return problems;
}

/** Every open intervention given exactly one disposition, and no other intervention. */
export function checkDispositions(
  open: string[],
  dispositions: { interventionId: string }[],
  prefix = 'body',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(open);
  const seen = new Set<string>();
  dispositions.forEach((entry, index) => {
    const field = `${prefix}.interventionDispositions.${index}.interventionId`;
    if (!known.has(entry.interventionId)) {
      problems.push({ field, code: 'unknown_intervention' });
    } else if (seen.has(entry.interventionId)) {
      problems.push({ field, code: 'duplicate' });
    }
    seen.add(entry.interventionId);
  });
  if (open.some((id) => !seen.has(id))) {
    problems.push({ field: `${prefix}.interventionDispositions`, code: 'open_interventions' });
  }
  return problems;
}

/** The case's closure, locked, still awaiting a decision; 404 when the case has none such. */
export async function lockedProposal(trx: Transaction<DB>, theCase: CaseKey, closureId: string) {
  const closure = await lockClosureRow(trx, theCase, closureId);
  if (!closure) throw new AppError('not_found');
  if (closure.status !== 'proposed') {
    throw new AppError('validation_failed', {
      fields: [{ field: 'closure.status', code: 'closure_not_proposed' }],
    });
  }
  return closure;
}

export const StoredDispositions = (
  value: unknown,
): { interventionId: string; disposition: string }[] =>
  Array.isArray(value) ? (value as { interventionId: string; disposition: string }[]) : [];
export const StoredGoalStatuses = (value: unknown): { goalKey: string; status: string }[] =>
  Array.isArray(value) ? (value as { goalKey: string; status: string }[]) : [];
