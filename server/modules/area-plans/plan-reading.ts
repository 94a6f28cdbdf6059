import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { connectorsOf, type AreaConnector } from '../area-rounds/queries-connectors.ts';
import type { AreaPlanAccess } from './area-work.ts';
import { storedGoals } from './content.ts';
import { userNames } from './queries-analyses.ts';
import { areaPlansOf, followUpsOf, type AreaPlanRow, type FollowUpRow } from './queries-plans.ts';
import { ReflectionSchema, type AreaPlan } from './schema.ts';

/**
 * The area action plan as the web reads it: every version newest first, each goal with its
 * responsible person's name, its current follow-up status and history (by the goal's key, so the
 * history runs across versions), and what the caller may do with each version. Four-eyes: the
 * one who wrote, saved or submitted a version cannot approve it.
 */

/** Everyone who created, saved or submitted the version at any time (a send-back forgets none). */
export function authorsOf(row: AreaPlanRow): Set<string> {
  return new Set(
    [row.created_by, row.updated_by, row.submitted_by, ...(row.editors ?? [])].filter(
      (id): id is string => id !== null,
    ),
  );
}

function toPlan(
  row: AreaPlanRow,
  names: Map<string, string>,
  followUps: FollowUpRow[],
  pa: AreaPlanAccess,
  userId: string,
  live: ReadonlyMap<string, AreaConnector>,
): AreaPlan {
  const name = (id: string) => names.get(id) ?? '';
  const user = (id: string | null) => (id === null ? null : { id, name: name(id) });
  const goals = storedGoals(row.goals).map((g) => {
    const history = followUps
      .filter((f) => f.goal_key === g.key)
      .map((f) => ({
        id: f.id,
        planNumber: f.plan_number,
        status: f.status,
        note: f.note,
        recordedOn: f.recorded_on,
        nextReviewOn: f.next_review_on,
        recordedBy: { id: f.recorded_by, name: f.recorded_by_name },
      }));
    return {
      key: g.key,
      title: g.title,
      description: g.description,
      responsible:
        g.responsibleUserId !== null
          ? { userId: g.responsibleUserId, name: name(g.responsibleUserId) }
          : { role: g.responsibleRole ?? '', name: g.responsibleRole ?? '' },
      dueOn: g.dueOn,
      reviewOn: g.reviewOn,
      connectorIds: g.connectorIds,
      connectors:
        g.connectors ??
        g.connectorIds.flatMap((id) => {
          const c = live.get(id);
          return c ? [c] : [];
        }),
      status: history[0]?.status ?? 'not_started',
      history,
    };
  });
  const { writePlan, approvePlan } = pa.abilities;
  return {
    id: row.id,
    number: row.number,
    basedOnId: row.based_on_id,
    status: row.status,
    reflection: ReflectionSchema.parse(row.reflection ?? {}),
    goals,
    createdBy: { id: row.created_by, name: name(row.created_by) },
    submittedBy: user(row.submitted_by),
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    approvedBy: user(row.approved_by),
    approvedAt: row.approved_at ? new Date(row.approved_at).toISOString() : null,
    returnedComment: row.returned_comment,
    version: row.version,
    abilities: {
      edit: writePlan && row.status === 'draft',
      submit: writePlan && row.status === 'draft',
      approve: approvePlan && row.status === 'submitted' && !authorsOf(row).has(userId),
      sendBack: approvePlan && row.status === 'submitted',
      followUp: writePlan && row.status === 'approved',
    },
  };
}

export async function loadAreaPlans(
  db: Kysely<DB>,
  pa: AreaPlanAccess,
  userId: string,
): Promise<AreaPlan[]> {
  const { municipalityCode, areaId } = pa.access;
  const rows = await areaPlansOf(db, municipalityCode, areaId);
  const followUps = await followUpsOf(db, municipalityCode, areaId);
  const ids = rows.flatMap((r) => [
    r.created_by,
    ...(r.submitted_by ? [r.submitted_by] : []),
    ...(r.approved_by ? [r.approved_by] : []),
    ...storedGoals(r.goals).flatMap((g) => (g.responsibleUserId ? [g.responsibleUserId] : [])),
  ]);
  const names = await userNames(db, ids);
  // Goals saved before their connectors' text was kept with them (0058) name them live.
  const legacy = rows.some((r) =>
    storedGoals(r.goals).some((g) => g.connectors === undefined && g.connectorIds.length > 0),
  );
  const live = legacy ? await connectorsOf(db, municipalityCode, areaId) : [];
  const byId = new Map(live.map((c) => [c.id, c]));
  return rows.map((r) => toPlan(r, names, followUps, pa, userId, byId));
}

export async function loadAreaPlan(
  db: Kysely<DB>,
  pa: AreaPlanAccess,
  userId: string,
  planId: string,
): Promise<AreaPlan> {
  const plan = (await loadAreaPlans(db, pa, userId)).find((p) => p.id === planId);
  if (!plan) throw new AppError('not_found');
  return plan;
}
