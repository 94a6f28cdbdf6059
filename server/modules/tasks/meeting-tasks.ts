import { upcomingMeetingsOf } from '../meetings/queries-tasks.ts';
import { timed, type Loader } from './items.ts';

/**
 * meeting: a planned meeting starting within MEETING_TASK_DAYS (14) that the caller is invited
 * to, chairs or takes the notes of (meetings/queries-tasks.ts). Due at its start; the task opens
 * the meeting page. Only the meeting's id: its forum and place are on the page.
 */
export const MEETING_TASK_DAYS = 14;

export const upcomingMeetingTasks: Loader = async ({ db, user }, now) =>
  (await upcomingMeetingsOf(db, user, now, MEETING_TASK_DAYS)).map((m) =>
    timed('meeting', m.id, m.startsAt, false, {}),
  );
