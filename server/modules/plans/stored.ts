import { z } from 'zod';
import { GoalStatusSchema } from '../../../shared/values.ts';

/**
 * The shape of a plan's goals and agreements as stored in case_plans (JSON columns), defined once
 * for every module that reads them (closure, follow-ups). Written only by the plan module.
 */
export const StoredGoalSchema = z.object({
  key: z.string(),
  parentKey: z.string().nullable().catch(null),
  text: z.string(),
  responsible: z
    .union([z.object({ userId: z.string() }), z.object({ name: z.string() })])
    .nullable()
    .catch(null),
  targetDate: z.string().nullable().catch(null),
  status: GoalStatusSchema.catch('not_started'),
});
export type StoredGoal = z.infer<typeof StoredGoalSchema>;
const StoredGoalsSchema = z.array(StoredGoalSchema).catch([]);
const StoredAgreementsSchema = z.array(z.string()).catch([]);

/** A plan's stored goals; none when the stored value does not parse. */
export const storedGoals = (value: unknown): StoredGoal[] => StoredGoalsSchema.parse(value);
export const storedAgreements = (value: unknown): string[] => StoredAgreementsSchema.parse(value);

/**
 * A plan's stored goals read leniently by the modules that follow the plan: an entry that does
 * not parse is left out rather than failing the reader.
 */
export function readableGoals(value: unknown): StoredGoal[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) => {
    const goal = StoredGoalSchema.safeParse(entry);
    return goal.success ? [goal.data] : [];
  });
}

/**
 * A plan's stored agreements read leniently (as readableGoals): the texts, also of an entry kept
 * as `{ text }`; an entry without a text is left out.
 */
export function readableAgreements(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry: unknown) => {
    if (typeof entry === 'string') return [entry];
    const text = z.object({ text: z.string() }).safeParse(entry);
    return text.success ? [text.data.text] : [];
  });
}
