import { z } from 'zod';
import {
  DispositionSchema,
  ProposeClosureBody,
  RecordReviewBody,
} from '../../../../server/modules/closure/schema.ts';
import { GoalStatusSchema } from '../../../../shared/values.ts';
// The layer's files, not its index: a values module stays free of components (node unit tests).
import { danishToday } from '../../ui/form/dates';
import type {
  ClosureOutcome,
  ClosureOverview,
  Disposition,
  GoalStatus,
  ProposeRequest,
  Review,
  ReviewRequest,
} from './closureApi';

/**
 * The closure forms' values as the radio buttons and selects hold them, checked with the server's
 * own request bodies (`ProposeClosureBody`, `RecordReviewBody`), and made into those bodies on
 * saving. The server's problems are named back at the form's fields (`proposeRename`).
 */

/** A re-review can be recorded from this many days before it is due (as the server allows). */
const REVIEW_OPENS_DAYS_BEFORE = 30;

/** The date a re-review can first be recorded (YYYY-MM-DD). */
export function reviewOpensOn(dueOn: string): string {
  const [y, m, d] = dueOn.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - REVIEW_OPENS_DAYS_BEFORE)).toISOString().slice(0, 10);
}

/** The proposal: every goal with a status or '' (none yet), every open intervention's fate. */
export const ProposeSchema = ProposeClosureBody.pick({
  outcome: true,
  transferredUnitId: true,
  outcomeOther: true,
  reason: true,
}).extend({
  goals: z.array(z.object({ goalKey: z.string(), status: GoalStatusSchema.or(z.literal('')) })),
  dispositions: z.array(
    z.object({ interventionId: z.string(), disposition: DispositionSchema.nullable() }),
  ),
});
export type ProposeValues = z.input<typeof ProposeSchema>;
type ProposeOutput = z.output<typeof ProposeSchema>;

export function proposeDefaults(overview: ClosureOverview): ProposeValues {
  return {
    outcome: null as unknown as ClosureOutcome,
    transferredUnitId: null,
    outcomeOther: null,
    reason: '',
    goals: overview.goals.map((g) => ({ goalKey: g.key, status: g.status ?? '' })),
    dispositions: overview.openInterventions.map((i) => ({
      interventionId: i.id,
      disposition: null,
    })),
  };
}

/** The request body: the unit or the text only with their outcome, the goals given a status. */
export function proposeBody(values: ProposeOutput, id: string): ProposeRequest {
  return {
    id,
    outcome: values.outcome,
    transferredUnitId: values.outcome === 'transferred' ? (values.transferredUnitId ?? null) : null,
    outcomeOther: values.outcome === 'other' ? (values.outcomeOther ?? null) : null,
    reason: values.reason,
    goalStatuses: values.goals.flatMap((g) =>
      g.status ? [{ goalKey: g.goalKey, status: g.status as GoalStatus }] : [],
    ),
    interventionDispositions: values.dispositions.flatMap((d) =>
      d.disposition
        ? [{ interventionId: d.interventionId, disposition: d.disposition as Disposition }]
        : [],
    ),
  };
}

/** The n-th entry the body holds → its place in the form's list (all entries). */
function formIndex<T>(list: T[], sent: (entry: T) => boolean, n: number): number {
  let seen = -1;
  return list.findIndex((entry) => sent(entry) && ++seen === n);
}

/** The body's field names as the proposal form's (`goalStatuses.1.goalKey` → `goals.3.status`). */
export const proposeRename =
  (values: ProposeValues) =>
  (path: string): string | null => {
    const goal = /^goalStatuses(?:\.(\d+)(?:\.\w+)?)?$/.exec(path);
    if (goal) {
      if (goal[1] === undefined) return 'goals';
      const index = formIndex(values.goals, (g) => g.status !== '', Number(goal[1]));
      return index < 0 ? 'goals' : `goals.${index}.status`;
    }
    const kept = /^interventionDispositions(?:\.(\d+)(?:\.\w+)?)?$/.exec(path);
    if (kept) {
      if (kept[1] === undefined) return 'dispositions';
      const index = formIndex(values.dispositions, (d) => d.disposition !== null, Number(kept[1]));
      return index < 0 ? 'dispositions' : `dispositions.${index}.disposition`;
    }
    return path;
  };

const YesNo = z.enum(['yes', 'no']);
export type YesNo = z.infer<typeof YesNo>;

/** A re-review: the body's fields, its two effect questions as yes / no radio buttons. */
export const ReviewSchema = RecordReviewBody.omit({
  version: true,
  noLongerAtRisk: true,
  inEducationOrWork: true,
}).extend({
  /** null while empty, so the server's "a reason is needed to reopen" lands on the field. */
  reason: RecordReviewBody.shape.reason.nullable(),
  noLongerAtRisk: YesNo.nullable(),
  inEducationOrWork: YesNo.nullable(),
});
export type ReviewValues = z.input<typeof ReviewSchema>;

export function reviewDefaults(): ReviewValues {
  return {
    decision: null as unknown as 'confirm',
    heldOn: danishToday(),
    reason: null,
    noLongerAtRisk: null,
    inEducationOrWork: null,
  };
}

const answer = (value: YesNo | null | undefined) => (value ? value === 'yes' : undefined);

export function reviewBody(values: z.output<typeof ReviewSchema>, review: Review): ReviewRequest {
  const body: ReviewRequest = {
    version: review.version,
    decision: values.decision,
    heldOn: values.heldOn,
  };
  if (values.reason) body.reason = values.reason;
  const risk = answer(values.noLongerAtRisk);
  if (risk !== undefined) body.noLongerAtRisk = risk;
  const work = answer(values.inEducationOrWork);
  if (work !== undefined) body.inEducationOrWork = work;
  return body;
}
