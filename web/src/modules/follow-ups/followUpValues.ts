import { z } from 'zod';
import {
  GoalProgressSchema,
  NewFollowUpBody,
  RecordFollowUpBody,
} from '../../../../server/modules/follow-ups/schema.ts';
import { COMPETENCES, GoalStatusSchema, type Competence } from '../../../../shared/values.ts';
// The layer's files, not its index: a values module stays free of components (node unit tests).
import { danishToday } from '../../ui/form/dates';
import {
  BackdateFieldsShape,
  backdateBody,
  backdateDefaults,
  isBackdated,
} from '../../ui/form/backdateValues';
import type { PlanGoal, RecordFollowUpRequest } from './followUpsApi';

/**
 * The follow-up forms' values as the fields hold them, checked with the server's request bodies
 * (`NewFollowUpBody`, `RecordFollowUpBody`) and made into them on saving: a goal not assessed
 * this time and a competence not rated are left out; the server's problems of the goals are
 * named back at the form's fields (`recordRename`).
 */

/** Scheduling one more follow-up: the date is needed here. */
export const ScheduleSchema = NewFollowUpBody.pick({ dueOn: true }).required();

export const RATINGS = ['none', '1', '2', '3', '4'] as const;
export type Rating = (typeof RATINGS)[number];
const RatingSchema = z.enum(RATINGS);

export const RecordSchema = RecordFollowUpBody.pick({
  heldOn: true,
  concernLevel: true,
  summary: true,
}).extend({
  goals: z.array(
    z.object({
      goalKey: z.string(),
      status: GoalStatusSchema.or(z.literal('')),
      note: GoalProgressSchema.shape.note,
    }),
  ),
  competences: z.object(
    Object.fromEntries(COMPETENCES.map((c) => [c, RatingSchema])) as Record<
      Competence,
      typeof RatingSchema
    >,
  ),
  ...BackdateFieldsShape,
});
export type RecordValues = z.input<typeof RecordSchema>;
type RecordOutput = z.output<typeof RecordSchema>;

/** Nothing chosen yet: the concern level must be judged again (null until it is). */
export function recordDefaults(goals: PlanGoal[]): RecordValues {
  return {
    heldOn: danishToday(),
    concernLevel: null as unknown as RecordValues['concernLevel'],
    summary: '',
    goals: goals.map((g) => ({ goalKey: g.key, status: '', note: '' })),
    competences: Object.fromEntries(COMPETENCES.map((c) => [c, 'none'])) as Record<
      Competence,
      Rating
    >,
    ...backdateDefaults,
  };
}

/** What a held follow-up records, without the version (a scheduled one adds it). */
export type RecordedBody = Omit<RecordFollowUpRequest, 'version'>;

/** The body of the form's values; held before `openedOn` (the case's opening day) with its reason. */
export function recordBody(values: RecordOutput, openedOn = ''): RecordedBody {
  const goalProgress = values.goals.flatMap((g) =>
    g.status === ''
      ? []
      : [{ goalKey: g.goalKey, status: g.status, ...(g.note && { note: g.note }) }],
  );
  const rated = Object.fromEntries(
    COMPETENCES.flatMap((c) => {
      const rating = values.competences[c];
      return rating === 'none' ? [] : [[c, Number(rating)]];
    }),
  ) as Partial<Record<Competence, number>>;
  return {
    heldOn: values.heldOn,
    concernLevel: values.concernLevel,
    ...(values.summary && { summary: values.summary }),
    goalProgress,
    ...(Object.keys(rated).length > 0 && { competences: rated }),
    ...backdateBody(values, isBackdated(values.heldOn, openedOn)),
  };
}

/** The body's field names as the form's (`goalProgress.0.note` → `goals.2.note`). */
export const recordRename =
  (values: RecordValues) =>
  (path: string): string | null => {
    const match = /^goalProgress(?:\.(\d+)(?:\.(\w+))?)?$/.exec(path);
    if (!match) return path;
    let seen = -1;
    const index = values.goals.findIndex((g) => g.status !== '' && ++seen === Number(match[1]));
    if (match[1] === undefined || index < 0) return null;
    return `goals.${index}.${match[2] === 'note' ? 'note' : 'status'}`;
  };
