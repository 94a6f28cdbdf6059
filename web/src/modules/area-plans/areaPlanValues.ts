import { z } from 'zod';
import { UpdateAreaPlanBody } from '../../../../server/modules/area-plans/schema.ts';
import { addBodyIssues, renameServerErrors } from '../../ui/form/bodySchema';
import type { AreaPlan, UpdateAreaPlanRequest } from './areaPlansApi';

/**
 * The area action plan's form: the values the editor holds, the body they become
 * (`UpdateAreaPlanBody`), and the body's field names as the form's, for the browser's problems
 * and the server's alike (a goal without a responsible person: `goals.N.responsible`).
 */
export type AreaGoalValues = {
  key: string;
  title: string;
  description: string | null;
  /** '' = not chosen, 'role' = a named role or organisation, else a team member's user id. */
  responsible: string;
  role: string;
  dueOn: string;
  reviewOn: string | null;
  connectorIds: string[];
};

export type AreaPlanValues = {
  reflection: {
    first: string | null;
    efforts: string | null;
    responsibility: string | null;
    connectors: string | null;
  };
  goals: AreaGoalValues[];
};

export function newAreaGoal(): AreaGoalValues {
  return {
    key: crypto.randomUUID(),
    title: '',
    description: null,
    responsible: '',
    role: '',
    dueOn: '',
    reviewOn: null,
    connectorIds: [],
  };
}

export function areaPlanValues(plan: AreaPlan): AreaPlanValues {
  return {
    reflection: { ...plan.reflection },
    goals: plan.goals.map((g) => ({
      key: g.key,
      title: g.title,
      description: g.description,
      responsible: g.responsible.userId ?? (g.responsible.role ? 'role' : ''),
      role: g.responsible.role ?? '',
      dueOn: g.dueOn,
      reviewOn: g.reviewOn,
      connectorIds: g.connectorIds,
    })),
  };
}

export function toAreaPlanBody(values: AreaPlanValues, version: number): UpdateAreaPlanRequest {
  return {
    version,
    reflection: values.reflection,
    goals: values.goals.map((g) => ({
      key: g.key,
      title: g.title,
      description: g.description,
      responsible:
        g.responsible === 'role'
          ? { role: g.role }
          : g.responsible
            ? { userId: g.responsible }
            : null,
      dueOn: g.dueOn,
      reviewOn: g.reviewOn,
      connectorIds: g.connectorIds,
    })),
  };
}

/** The form's path for a body path: the responsible person's role is the `role` field. */
export function areaPlanFormPath(bodyPath: string): string | null {
  const goal = /^goals\.(\d+)\.(\w+)(?:\.(\w+))?$/.exec(bodyPath);
  if (goal) {
    const [, index, field, part] = goal;
    if (field === 'responsible')
      return `goals.${index}.${part === 'role' ? 'role' : 'responsible'}`;
    if (field === 'key') return `goals.${index}.title`;
    if (field === 'connectorIds') return `goals.${index}.connectorIds`;
    return `goals.${index}.${field}`;
  }
  if (bodyPath === 'version') return null;
  return bodyPath;
}

export const AreaPlanFormSchema = z
  .custom<AreaPlanValues>(() => true)
  .superRefine((values, ctx) => {
    // A goal without a responsible person is the server's to name (area_plan_goal_responsible).
    addBodyIssues(ctx, UpdateAreaPlanBody, toAreaPlanBody(values, 1), areaPlanFormPath);
  });

export function toAreaPlanFormErrors(error: unknown): unknown {
  return renameServerErrors(error, areaPlanFormPath, ['body']);
}

/** What changed between a version and the one it was based on: goals added, removed, changed. */
export function compareGoals(
  before: AreaPlan | undefined,
  after: AreaPlan,
): { added: string[]; removed: string[]; changed: string[] } {
  const old = new Map((before?.goals ?? []).map((g) => [g.key, g]));
  const now = new Map(after.goals.map((g) => [g.key, g]));
  const same = (a: AreaPlan['goals'][number], b: AreaPlan['goals'][number]) =>
    a.title === b.title &&
    a.description === b.description &&
    a.dueOn === b.dueOn &&
    a.reviewOn === b.reviewOn &&
    a.responsible.name === b.responsible.name &&
    a.connectorIds.join() === b.connectorIds.join();
  return {
    added: after.goals.filter((g) => !old.has(g.key)).map((g) => g.title),
    removed: [...old.values()].filter((g) => !now.has(g.key)).map((g) => g.title),
    changed: after.goals
      .filter((g) => old.has(g.key) && !same(old.get(g.key)!, g))
      .map((g) => g.title),
  };
}
