import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { fieldsOf, type ErrorBody } from '../../test/records.ts';
import {
  caller,
  forumCase,
  meetingWith,
  start,
  t,
  useMinutesFixtures,
  view,
} from './minutes.fixtures.ts';

/**
 * The minutes are written only where the abilities sent to the web allow it (review finding 9):
 * not for a cancelled meeting, not for a forum kind the organisation model does not hold, and a
 * decision that acts on a record not before the meeting has begun. Nothing is stored on a refusal.
 */
useMinutesFixtures();

const minutesCount = async (meetingId: string) =>
  (
    await t.database.db
      .selectFrom('meeting_minutes')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .execute()
  ).length;

const setModel = (model: number) =>
  t.database.db
    .updateTable('municipality_settings')
    .set({ organisation_model: model })
    .where('municipality_code', '=', '101')
    .execute();

describe(`where the minutes may be written (${testEngine})`, () => {
  it('refuses the minutes of a cancelled meeting and of a forum the model does not hold', async () => {
    const { meetingId } = await meetingWith([{ kind: 'topic', title: 'Tendenser' }]);
    await t.database.db
      .updateTable('meetings')
      .set({ status: 'cancelled', cancel_reason: 'Ingen punkter' })
      .where('id', '=', meetingId)
      .execute();
    const cancelled = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes`,
      { id: randomUUID() },
      { 'accept-language': 'da' },
    );
    expect(cancelled.statusCode).toBe(409);
    expect((cancelled.json() as ErrorBody).error.code).toBe('meeting_cancelled');
    expect((cancelled.json() as ErrorBody).error.message).toMatch(/aflyst/);
    expect(await minutesCount(meetingId)).toBe(0);

    const other = await meetingWith([{ kind: 'topic', title: 'Tendenser' }]);
    await setModel(1);
    try {
      const refused = await caller('noteTaker').post(
        `/api/meetings/${other.meetingId}/minutes`,
        { id: randomUUID() },
        { 'accept-language': 'da' },
      );
      expect(refused.statusCode).toBe(409);
      expect((refused.json() as ErrorBody).error.code).toBe('meeting_not_in_model');
      expect((await view(other.meetingId)).abilities.start).toBe(false);
    } finally {
      await setModel(2);
    }
    expect(await minutesCount(other.meetingId)).toBe(0);
  });

  it('records no decision before the meeting has begun', async () => {
    const c = await forumCase();
    const { meetingId, itemIds } = await meetingWith([{ kind: 'case', caseId: c.id }]);
    await t.database.db
      .updateTable('meetings')
      .set({
        status: 'planned',
        starts_at: new Date(Date.now() + 86_400_000),
        ends_at: new Date(Date.now() + 90_000_000),
      })
      .where('id', '=', meetingId)
      .execute();
    const version = await start(meetingId);
    expect((await view(meetingId)).items[0]?.actions).toEqual([]);
    const res = await caller('noteTaker').post(
      `/api/meetings/${meetingId}/minutes/items/${itemIds[0]}/decision`,
      { version, action: { kind: 'concern_level', concernLevel: 'low' } },
      { 'accept-language': 'da' },
    );
    expect(res.statusCode).toBe(400);
    expect(fieldsOf(res)).toEqual(['body.action:minutes_meeting_not_started']);
    const events = await t.database.db
      .selectFrom('case_events')
      .select('kind')
      .where('case_id', '=', c.id)
      .where('kind', '=', 'meeting_decision_recorded')
      .execute();
    expect(events).toEqual([]);
  });
});
