import type { GoalStatus } from '../../../shared/values.ts';
import type { PlanRow } from '../plans/queries.ts';
import { readableGoals } from '../plans/stored.ts';

/**
 * What closure makes of the case's plan versions. The rows are the plan module's (`planRows`,
 * every version newest first; `approvedPlanGoals` where only the approved plan's goals count);
 * closure reads no plan table itself.
 */

/** A goal of a case's plan as closure reads it; keys are stable across plan versions. */
export interface PlanGoal {
  key: string;
  parentKey: string | null;
  text: string;
  status: GoalStatus | null;
}

/**
 * The goals of a plan (case_plans.goals, written by the plan module and parsed with its schema).
 * Read leniently: an entry that does not parse is left out rather than failing the closure.
 */
function parseGoals(value: unknown): PlanGoal[] {
  return readableGoals(value).map((goal) => ({
    key: goal.key,
    parentKey: goal.parentKey,
    text: goal.text,
    status: goal.status,
  }));
}

/** The current approved plan among the versions (the newest approved one), or undefined. */
export function approvedPlan(
  plans: PlanRow[],
): { goals: PlanGoal[]; agreements: string[] } | undefined {
  const row = plans.find((plan) => plan.status === 'approved');
  if (!row) return undefined;
  const agreements = Array.isArray(row.agreements)
    ? row.agreements.flatMap((a: unknown) =>
        typeof a === 'string'
          ? [a]
          : a && typeof a === 'object' && typeof (a as { text?: unknown }).text === 'string'
            ? [(a as { text: string }).text]
            : [],
      )
    : [];
  return { goals: parseGoals(row.goals), agreements };
}

/** Every goal text the case's plans have had, newest version first wins (for old closures). */
export function goalTexts(plans: PlanRow[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const plan of plans) {
    for (const goal of parseGoals(plan.goals)) {
      if (!texts.has(goal.key)) texts.set(goal.key, goal.text);
    }
  }
  return texts;
}
