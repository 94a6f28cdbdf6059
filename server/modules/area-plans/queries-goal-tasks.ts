import { sql, type Kysely } from 'kysely';
import { areaAbilities, visibleAreas } from '../../access/area-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { AreaGoalStatus } from '../../../shared/housing-areas.ts';
import { storedGoals } from './content.ts';

/**
 * The goals of approved area action plans whose review date has come (the newest follow-up's
 * next review, else the goal's own review date), still open (not achieved, not achieved in the
 * end, or dropped), for the one who is to look at them: the goal's responsible user, else the
 * plan's author — while they still write the area's plan (`writePlan`). For "Mine opgaver"
 * (tasks kind `area_goal_review`); ids only, no text.
 */
export interface DueGoalReview {
  areaId: string;
  goalKey: string;
  reviewOn: string;
}

const CLOSED: readonly AreaGoalStatus[] = ['achieved', 'not_achieved', 'dropped'];

export async function dueAreaGoalReviews(
  db: Kysely<DB>,
  user: CurrentUser,
  today: string,
): Promise<DueGoalReview[]> {
  const code = user.municipalityCode;
  if (code === null) return [];
  // Only the areas whose plan the user writes, and only plans with a goal that is theirs (the
  // goal's responsible user, else the plan's author), narrowed in SQL.
  const areaIds = (await visibleAreas(db, user))
    .filter((a) => a.municipalityCode === code && areaAbilities(a, user).writePlan)
    .map((a) => a.areaId);
  if (areaIds.length === 0) return [];
  const plans = await db
    .selectFrom('area_action_plans as p')
    .select(['p.area_id', 'p.goals', 'p.created_by'])
    .where('p.municipality_code', '=', code)
    .where('p.area_id', 'in', areaIds)
    .where('p.status', '=', 'approved')
    .where(
      sql<boolean>`exists (select 1 from jsonb_array_elements(p.goals) as g(goal)
        where coalesce(g.goal ->> 'responsibleUserId', p.created_by::text) = ${user.id})`,
    )
    .execute();
  if (plans.length === 0) return [];
  const followUps = await db
    .selectFrom('area_plan_goal_follow_ups')
    .select(['area_id', 'goal_key', 'status', 'next_review_on'])
    .where('municipality_code', '=', code)
    .where('area_id', 'in', [...new Set(plans.map((p) => p.area_id))])
    .orderBy('recorded_on', 'asc')
    .orderBy('created_at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  const newest = new Map(followUps.map((f) => [`${f.area_id}:${f.goal_key}`, f]));
  const due: DueGoalReview[] = [];
  for (const plan of plans) {
    for (const goal of storedGoals(plan.goals)) {
      if ((goal.responsibleUserId ?? plan.created_by) !== user.id) continue;
      const last = newest.get(`${plan.area_id}:${goal.key}`);
      if (last && CLOSED.includes(last.status)) continue;
      const reviewOn = last ? last.next_review_on : goal.reviewOn;
      if (reviewOn !== null && reviewOn <= today) {
        due.push({ areaId: plan.area_id, goalKey: goal.key, reviewOn });
      }
    }
  }
  return due;
}
