import { dueInterventionFollowUps } from '../area-work/interventions.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { dated, type Loader } from './items.ts';

/**
 * area_intervention_follow_up: an area intervention (issue 16 part 5) whose next follow-up is due
 * within AREA_FOLLOW_UP_DAYS, for the members of the area's team (and the forum managers of an
 * area without a team). Due on its date; the task opens the intervention. Ids only.
 */
export const AREA_FOLLOW_UP_DAYS = 30;

export const areaInterventionFollowUpTasks: Loader = async ({ db, user }, _now, today) =>
  (await dueInterventionFollowUps(db, user, addDays(today, AREA_FOLLOW_UP_DAYS))).map((r) =>
    dated('area_intervention_follow_up', r.id, r.dueOn, today, { areaId: r.areaId }),
  );
