import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, type FieldProblem } from '../../platform/errors.ts';
import { personalReferenceIn } from '../../../shared/personal-references.ts';
import { areaPartsOf } from '../housing-areas/queries-parts.ts';
import { connectorsOf, type AreaConnector } from '../area-rounds/queries-connectors.ts';
import type { AreaAccess } from '../../access/area-access.ts';
import type { AnalysisContent, UpdateAreaPlan } from './schema.ts';
import { teamUsers } from './queries-analyses.ts';

/**
 * The rules on the analysis's and the plan's content, checked before anything is stored:
 * - no CPR number and no case or inquiry reference in any text (`area_plan_cpr`, on its field): groups are described as groups,
 *   people by their role;
 * - a zone, a connector or a team member named by id must be the area's: an id that is not
 *   answers 404, exactly as an id the caller may not see (nothing is stored);
 * - every goal has a responsible person (`area_plan_goal_responsible`), a user of the team or a
 *   named role, and each key once (`area_plan_duplicate_key`).
 */

function cprProblems(texts: [string, string | null | undefined][]): FieldProblem[] {
  return texts.flatMap(([field, text]) =>
    text != null && personalReferenceIn(text) !== null ? [{ field, code: 'area_plan_cpr' }] : [],
  );
}

function refuse(problems: FieldProblem[]): void {
  if (problems.length > 0) throw new AppError('validation_failed', { fields: problems });
}

/** 404 when an id is not among those the area has. */
function requireKnown(ids: readonly string[], known: ReadonlySet<string>): void {
  if (ids.some((id) => !known.has(id))) throw new AppError('not_found');
}

/** The connectors named, each found in a systematised round of the area (else 404). */
async function requireConnectors(
  db: Kysely<DB>,
  access: AreaAccess,
  ids: readonly string[],
): Promise<Map<string, AreaConnector>> {
  const unique = [...new Set(ids)];
  const found = await connectorsOf(db, access.municipalityCode, access.areaId, unique);
  requireKnown(unique, new Set(found.map((c) => c.id)));
  return new Map(found.map((c) => [c.id, c]));
}

export async function checkAnalysis(
  db: Kysely<DB>,
  access: AreaAccess,
  content: AnalysisContent,
): Promise<void> {
  const keys = new Set<string>();
  const problems = cprProblems([
    ['body.environments', content.environments],
    ['body.summary', content.summary],
    ...content.groups.flatMap((g, i): [string, string | null][] => [
      [`body.groups.${i}.label`, g.label],
      [`body.groups.${i}.description`, g.description],
    ]),
  ]);
  content.groups.forEach((g, i) => {
    if (keys.has(g.key))
      problems.push({ field: `body.groups.${i}.key`, code: 'area_plan_duplicate_key' });
    keys.add(g.key);
  });
  refuse(problems);
  const zones = await areaPartsOf(db, access.municipalityCode, access.areaId);
  requireKnown(content.zoneIds, new Set(zones.filter((z) => z.level === 'zone').map((z) => z.id)));
  await requireConnectors(db, access, content.connectorIds);
}

export async function checkPlan(
  db: Kysely<DB>,
  access: AreaAccess,
  body: UpdateAreaPlan,
): Promise<Map<string, AreaConnector>> {
  const keys = new Set<string>();
  const problems = cprProblems([
    ['body.reflection.first', body.reflection.first],
    ['body.reflection.efforts', body.reflection.efforts],
    ['body.reflection.responsibility', body.reflection.responsibility],
    ['body.reflection.connectors', body.reflection.connectors],
    ...body.goals.flatMap((g, i): [string, string | null | undefined][] => [
      [`body.goals.${i}.title`, g.title],
      [`body.goals.${i}.description`, g.description],
      [`body.goals.${i}.responsible.role`, g.responsible?.role],
    ]),
  ]);
  body.goals.forEach((g, i) => {
    const at = `body.goals.${i}`;
    if (keys.has(g.key)) problems.push({ field: `${at}.key`, code: 'area_plan_duplicate_key' });
    keys.add(g.key);
    const r = g.responsible;
    if (!r || (r.userId === undefined) === (r.role === undefined)) {
      problems.push({ field: `${at}.responsible`, code: 'area_plan_goal_responsible' });
    }
    if (g.reviewOn !== null && g.reviewOn > g.dueOn) {
      problems.push({ field: `${at}.reviewOn`, code: 'area_plan_review_after_due' });
    }
  });
  refuse(problems);
  const team = new Set((await teamUsers(db, access.teamForumId)).map((u) => u.id));
  body.goals.forEach((g, i) => {
    const userId = g.responsible?.userId;
    if (userId !== undefined && !team.has(userId)) {
      problems.push({
        field: `body.goals.${i}.responsible`,
        code: 'area_plan_responsible_not_team',
      });
    }
  });
  refuse(problems);
  return requireConnectors(
    db,
    access,
    body.goals.flatMap((g) => g.connectorIds),
  );
}

/** The goals as stored (jsonb): the responsible person as one of user or role. */
export interface StoredGoal {
  key: string;
  title: string;
  description: string | null;
  responsibleUserId: string | null;
  responsibleRole: string | null;
  dueOn: string;
  reviewOn: string | null;
  connectorIds: string[];
  /**
   * The connectors as they were when the goal was saved (label, how to reach, round), so an
   * approved version never changes with the round; absent on goals saved before this was kept.
   */
  connectors?: AreaConnector[];
}

/** The goals to store, each with its connectors' text copied in (`connectors` from checkPlan). */
export function toStoredGoals(
  body: UpdateAreaPlan,
  connectors: ReadonlyMap<string, AreaConnector>,
): StoredGoal[] {
  return body.goals.map((g) => ({
    key: g.key,
    title: g.title,
    description: g.description || null,
    responsibleUserId: g.responsible?.userId ?? null,
    responsibleRole: g.responsible?.role ?? null,
    dueOn: g.dueOn,
    reviewOn: g.reviewOn,
    connectorIds: [...new Set(g.connectorIds)],
    connectors: [...new Set(g.connectorIds)].flatMap((id) => {
      const c = connectors.get(id);
      return c ? [c] : [];
    }),
  }));
}

export function storedGoals(value: unknown): StoredGoal[] {
  return Array.isArray(value) ? (value as StoredGoal[]) : [];
}

export function stateProblem(code: string): AppError {
  return new AppError('validation_failed', { fields: [{ field: 'plan.status', code }] });
}
