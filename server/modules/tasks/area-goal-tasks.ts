import { dueAreaGoalReviews } from '../area-plans/queries-goal-tasks.ts';
import { dated, type Loader } from './items.ts';

/**
 * area_goal_review: a goal of an approved area action plan whose review date has come, for its
 * responsible user (else the plan's author) while they write the area's plan
 * (area-plans/queries-goal-tasks.ts). The task opens the area's action plan; the goal's key is its id.
 */
export const areaGoalReviewTasks: Loader = async ({ db, user }, _now, today) =>
  (await dueAreaGoalReviews(db, user, today)).map((g) =>
    dated('area_goal_review', g.goalKey, g.reviewOn, today, { areaId: g.areaId }),
  );
