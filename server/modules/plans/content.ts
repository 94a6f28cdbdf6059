import type { Transaction } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { lockPlanRow, type PlanRow } from './queries.ts';
import type { PlanContent } from './schema.ts';
import { storedGoals, type StoredGoal } from './stored.ts';

/** Checking a plan's content and state before it is saved, submitted or approved. */

interface GoalLike {
  key: string;
  parentKey: string | null;
  responsible?: { userId?: string; name?: string } | null | undefined;
  targetDate?: string | null | undefined;
}

/**
 * The rules zod cannot check alone: unique keys, a sub-goal's parent is a top-level goal of the
 * same plan, every goal has exactly one responsible person (a current member of the case, or a
 * name) and a target date, and the time frame ends after it starts. `at` is `body` for a save
 * and `plan` for the stored content checked again at submission and approval.
 */
export function checkContent(
  content: {
    goals: readonly GoalLike[];
    startsOn: string | null;
    endsOn: string | null;
  },
  members: Set<string>,
  at: 'body' | 'plan',
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byKey = new Map<string, GoalLike>();
  content.goals.forEach((goal, index) => {
    if (byKey.has(goal.key)) {
      problems.push({ field: `${at}.goals.${index}.key`, code: 'duplicate' });
    } else {
      byKey.set(goal.key, goal);
    }
  });
  content.goals.forEach((goal, index) => {
    const field = (name: string) => `${at}.goals.${index}.${name}`;
    if (goal.parentKey !== null) {
      const parent = byKey.get(goal.parentKey);
      if (!parent || goal.parentKey === goal.key) {
        problems.push({ field: field('parentKey'), code: 'goal_parent_unknown' });
      } else if (parent.parentKey !== null) {
        problems.push({ field: field('parentKey'), code: 'goal_parent_not_top_level' });
      }
    }
    const responsible = goal.responsible;
    const userId = responsible?.userId;
    const name = responsible?.name;
    if (userId === undefined && name === undefined) {
      problems.push({ field: field('responsible'), code: 'goal_responsible_required' });
    } else if (userId !== undefined && name !== undefined) {
      problems.push({ field: field('responsible'), code: 'goal_responsible_one_of' });
    } else if (userId !== undefined && !members.has(userId)) {
      problems.push({ field: field('responsible'), code: 'goal_responsible_not_member' });
    }
    if (!goal.targetDate) problems.push({ field: field('targetDate'), code: 'required' });
  });
  if (content.startsOn && content.endsOn && content.endsOn < content.startsOn) {
    problems.push({ field: `${at}.endsOn`, code: 'plan_ends_before_start' });
  }
  return problems;
}

/** What submission and approval need beyond a valid draft: at least one goal. */
export function checkComplete(row: PlanRow, members: Set<string>): void {
  const goals = storedGoals(row.goals);
  const problems = checkContent(
    {
      goals: goals.map((g) => ({
        key: g.key,
        parentKey: g.parentKey,
        responsible: g.responsible,
        targetDate: g.targetDate,
      })),
      startsOn: row.starts_on,
      endsOn: row.ends_on,
    },
    members,
    'plan',
  );
  if (goals.length === 0) problems.unshift({ field: 'plan.goals', code: 'plan_goals_required' });
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

export function toStoredGoals(content: PlanContent): StoredGoal[] {
  return content.goals.map((g) => ({
    key: g.key,
    parentKey: g.parentKey,
    text: g.text,
    responsible:
      g.responsible?.userId !== undefined
        ? { userId: g.responsible.userId }
        : { name: g.responsible?.name ?? '' },
    targetDate: g.targetDate ?? null,
    status: g.status,
  }));
}

/** The plan row, locked, of this case; 404 when it belongs to another case or none. */
export async function lockPlan(
  trx: Transaction<DB>,
  theCase: CaseKey,
  planId: string,
): Promise<PlanRow> {
  const row = await lockPlanRow(trx, theCase, planId);
  if (!row) throw new AppError('not_found');
  return row;
}

export function stateProblem(code: string): AppError {
  return new AppError('validation_failed', { fields: [{ field: 'plan.status', code }] });
}
