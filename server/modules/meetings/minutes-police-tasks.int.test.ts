import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { logInAll } from '../../test/case-team.ts';
import { createUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';
import {
  as,
  caller,
  ids,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
  users,
} from './minutes.fixtures.ts';

/**
 * A task from the minutes given to police staff of the district (review finding 8): they have no
 * municipality of their own, yet find the task in "Mine opgaver" and can mark it done.
 */
useMinutesFixtures();

beforeAll(async () => {
  const db = t.database.db;
  const district = await db
    .selectFrom('municipalities')
    .select('police_district_id')
    .where('code', '=', '101')
    .executeTakeFirstOrThrow();
  const police = await createUser(db, { roles: ['police_contact'] });
  await db
    .updateTable('users')
    .set({ municipality_code: null, police_district_id: district.police_district_id })
    .where('id', '=', police.id)
    .execute();
  users.police = police;
  await logInAll(t, { police }, as);
});

interface TaskList {
  items: { id: string; kind: string; meetingId?: string | null }[];
}

describe(`minutes tasks for police staff (${testEngine})`, () => {
  it('lists a task given to the police in their tasks and lets them mark it done', async () => {
    const { meetingId } = await meetingWith([{ kind: 'topic', title: 'Fælles indsats' }]);
    const version = await start(meetingId);
    const taskId = randomUUID();
    const made = await caller('noteTaker').post(`/api/meetings/${meetingId}/minutes/tasks`, {
      id: taskId,
      version,
      agendaItemId: null,
      description: 'Orienter om tryghedsvandringen',
      responsibleUserId: ids('police'),
      dueOn: addDays(danishToday(new Date()), 14),
    });
    expect(made.statusCode, made.body).toBe(200);

    const mine = (await caller('police').get('/api/tasks?kind=meeting_task')).json() as TaskList;
    expect(mine.items).toEqual([expect.objectContaining({ kind: 'meeting_task', meetingId })]);

    const done = await caller('police').post(
      `/api/meetings/${meetingId}/minutes/tasks/${taskId}/done`,
      { version: 1 },
    );
    expect(done.statusCode, done.body).toBe(200);
    const after = (await caller('police').get('/api/tasks?kind=meeting_task')).json() as TaskList;
    expect(after.items).toEqual([]);
  });
});
