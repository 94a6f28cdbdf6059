import type { Kysely } from 'kysely';
import type { CaseKey } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { GoalStatus } from '../../../shared/values.ts';
import { readableGoals } from '../plans/stored.ts';
import { approvedPlanRow, planGoalRows } from './queries-plans.ts';

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

/** The case's current approved plan (the newest approved version), or undefined. */
export async function approvedPlan(
  db: Kysely<DB>,
  theCase: CaseKey,
): Promise<{ id: string; goals: PlanGoal[]; agreements: string[] } | undefined> {
  const row = await approvedPlanRow(db, theCase);
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
  return { id: row.id, goals: parseGoals(row.goals), agreements };
}

/** Every goal text the case's plans have had, newest version first wins (for old closures). */
export async function goalTexts(db: Kysely<DB>, theCase: CaseKey): Promise<Map<string, string>> {
  const rows = await planGoalRows(db, theCase);
  const texts = new Map<string, string>();
  for (const row of rows) {
    for (const goal of parseGoals(row.goals)) {
      if (!texts.has(goal.key)) texts.set(goal.key, goal.text);
    }
  }
  return texts;
}
