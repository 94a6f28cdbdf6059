import { allows } from '../../access/policies.ts';
import { addDays } from '../follow-ups/schedule.ts';
import { dated, type Loader } from '../tasks/items.ts';
import { ROUND_TASK_DAYS_BEFORE } from '../../../shared/housing-areas.ts';
import { nextDueOn } from './present.ts';
import { areasAwaitingRound } from './queries-tasks.ts';

/**
 * "Mine opgaver" (issue 16 part 2): "Kortlægningsrunde for <område> skal holdes" for the area's
 * team members and the municipality's forum managers, from ROUND_TASK_DAYS_BEFORE days before
 * the next round is due (the cadence after the last systematised round) until a round is
 * started. The task's id is the area's; it names the area (a place, not a citizen).
 */
export const areaRoundTasks: Loader = async ({ db, user }, now, today) => {
  const manager = allows(user, 'forums.manage') && user.municipalityCode !== null;
  const rows = await areasAwaitingRound(db, user, manager);
  const showFrom = addDays(today, ROUND_TASK_DAYS_BEFORE);
  return rows.flatMap((r) => {
    const due = nextDueOn(r.cadence, { held_on: null, due_on: r.base_day }, now);
    if (due === null || due > showFrom) return [];
    return [dated('area_round', r.id, due, today, { areaId: r.id, areaName: r.name })];
  });
};
