import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/**
 * The goals of a case's plan as closure reads them (case_plans.goals, written by the plan
 * module): keys are stable across plan versions. Read leniently: an entry that does not parse
 * is left out rather than failing the closure.
 */
const GoalStatus = z.enum([
  'not_started',
  'in_progress',
  'achieved',
  'partly_achieved',
  'not_achieved',
  'dropped',
]);
const StoredGoal = z.object({
  key: z.string().min(1),
  parentKey: z.string().nullable().optional(),
  text: z.string(),
  status: GoalStatus.nullable().optional().catch(null),
});

export interface PlanGoal {
  key: string;
  parentKey: string | null;
  text: string;
  status: z.infer<typeof GoalStatus> | null;
}

export function parseGoals(value: unknown): PlanGoal[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const goal = StoredGoal.safeParse(entry);
    return goal.success
      ? [
          {
            key: goal.data.key,
            parentKey: goal.data.parentKey ?? null,
            text: goal.data.text,
            status: goal.data.status ?? null,
          },
        ]
      : [];
  });
}

/** The case's current approved plan (the newest approved version), or undefined. */
export async function approvedPlan(
  db: Kysely<DB>,
  caseId: string,
): Promise<{ id: string; goals: PlanGoal[]; agreements: string[] } | undefined> {
  const row = await db
    .selectFrom('case_plans')
    .select(['id', 'goals', 'agreements'])
    .where('case_id', '=', caseId)
    .where('status', '=', 'approved')
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
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
export async function goalTexts(db: Kysely<DB>, caseId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('case_plans')
    .select('goals')
    .where('case_id', '=', caseId)
    .orderBy('number', 'desc')
    .execute();
  const texts = new Map<string, string>();
  for (const row of rows) {
    for (const goal of parseGoals(row.goals)) {
      if (!texts.has(goal.key)) texts.set(goal.key, goal.text);
    }
  }
  return texts;
}
