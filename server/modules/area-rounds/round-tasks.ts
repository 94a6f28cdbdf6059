import { visibleAreas } from '../../access/area-access.ts';
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
 * started. The task's id is the area's; it names the area (a place, not a citizen), and shows
 * only where the caller's standing in the area (access/area-access.ts) is team or manager.
 */
export const areaRoundTasks: Loader = async ({ db, user }, now, today) => {
  const manager = allows(user, 'forums.manage') && user.municipalityCode !== null;
  const candidates = await areasAwaitingRound(db, user, manager);
  // The task names the area: only to those who work on it by the one access rule (standing team or
  // manager: municipality or district, policy, a live team forum), not by forum membership alone.
  const works = new Set(
    (
      await visibleAreas(
        db,
        user,
        candidates.map((r) => r.id),
      )
    )
      .filter((a) => a.standing === 'team' || a.standing === 'manager')
      .map((a) => a.areaId),
  );
  const rows = candidates.filter((r) => works.has(r.id));
  const showFrom = addDays(today, ROUND_TASK_DAYS_BEFORE);
  return rows.flatMap((r) => {
    const due = nextDueOn(r.cadence, { held_on: null, due_on: r.base_day }, now);
    if (due === null || due > showFrom) return [];
    return [dated('area_round', r.id, due, today, { areaId: r.id, areaName: r.name })];
  });
};
