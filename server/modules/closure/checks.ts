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

/**
 * Every expected key named exactly once, and no other: an unknown or repeated entry is a problem
 * at `list.<index>.keyField`, a key left out one at `list`.
 */
function checkEachOnce(
  expected: string[],
  named: string[],
  list: string,
  keyField: string,
  codes: { unknown: string; missing: string },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const known = new Set(expected);
  const seen = new Set<string>();
  named.forEach((key, index) => {
    const field = `${list}.${index}.${keyField}`;
    if (!known.has(key)) {
      problems.push({ field, code: codes.unknown });
    } else if (seen.has(key)) {
      problems.push({ field, code: 'duplicate' });
    }
    seen.add(key);
  });
  if (expected.some((key) => !seen.has(key))) {
    problems.push({ field: list, code: codes.missing });
  }
  return problems;
}

/** Every goal of the approved plan named exactly once, and no other. */
export function checkGoals(
  keys: string[],
  statuses: { goalKey: string; status: string }[],
  prefix = 'body',
): FieldProblem[] {
  return checkEachOnce(
    keys,
    statuses.map((entry) => entry.goalKey),
    `${prefix}.goalStatuses`,
    'goalKey',
    { unknown: 'unknown_goal', missing: 'goal_status_missing' },
  );
}

/** Every open intervention given exactly one disposition, and no other intervention. */
export function checkDispositions(
  open: string[],
  dispositions: { interventionId: string }[],
  prefix = 'body',
): FieldProblem[] {
  return checkEachOnce(
    open,
    dispositions.map((entry) => entry.interventionId),
    `${prefix}.interventionDispositions`,
    'interventionId',
    { unknown: 'unknown_intervention', missing: 'open_interventions' },
  );
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
