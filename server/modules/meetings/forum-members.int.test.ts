import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import {
  call,
  fieldsIn,
  id,
  inDays,
  meetingBody,
  t,
  useMeetingFixtures,
  type ErrorBody,
} from './meetings.fixtures.ts';

/**
 * A forum's changes and its meetings (review findings 7 and 11): a member removed from the forum
 * leaves its meetings not yet held (their invitation, chair and note-taker seat go, in the same
 * transaction) and keeps the meetings held; a forum with meetings keeps its kind.
 */
useMeetingFixtures();

/** A new monthly forum of 101 (model 3) with `members`. */
async function newForum(members: string[]) {
  const db = t.database.db;
  const row = await db
    .insertInto('forums')
    .values({ municipality_code: '101', name: `Forum ${randomUUID()}`, kind: 'forum' })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await db
    .insertInto('forum_members')
    .values(members.map((m) => ({ forum_id: row.id, user_id: id(m) })))
    .execute();
  return row;
}

describe(`a forum's members and kind, and its meetings (${testEngine})`, () => {
  it('a removed member leaves the coming meetings but keeps those held', async () => {
    const forum = await newForum(['memberA', 'memberB']);
    const coming = await call<{ id: string }>(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ forumId: forum.id }),
    );
    expect(coming.status, JSON.stringify(coming.body)).toBe(201);
    const comingId = coming.body.id;
    const held = await call<{ id: string }>(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({
        forumId: forum.id,
        startsAt: inDays(-7),
        endsAt: inDays(-7, 12),
        recordedAfterwards: true,
      }),
    );
    expect(held.status, JSON.stringify(held.body)).toBe(201);
    const heldId = held.body.id;
    expect((await call('memberA', 'GET', `/api/meetings/${comingId}`)).status).toBe(200);

    const removed = await call(
      'coordinator',
      'DELETE',
      `/api/forums/${forum.id}/members/${id('memberA')}`,
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);

    // The coming meeting: memberA (its chair) no longer sees it; memberB keeps it.
    expect((await call('memberA', 'GET', `/api/meetings/${comingId}`)).status).toBe(404);
    const now = await call<{ chair: unknown; version: number; participants: { userId: string }[] }>(
      'memberB',
      'GET',
      `/api/meetings/${comingId}`,
    );
    expect(now.status).toBe(200);
    expect(now.body.chair).toBeNull();
    expect(now.body.participants.map((p) => p.userId)).not.toContain(id('memberA'));
    // They are sent the cancellation of the coming meeting.
    const mails = await t.database.db
      .selectFrom('email_outbox')
      .select(['kind', 'meeting_id'])
      .where('user_id', '=', id('memberA'))
      .where('meeting_id', '=', comingId)
      .execute();
    expect(mails.map((m) => m.kind)).toContainEqual(expect.stringMatching(/cancel/));
    // The meeting held keeps who took part.
    const past = await call<{ chair: { userId: string } | null }>(
      'memberA',
      'GET',
      `/api/meetings/${heldId}`,
    );
    expect(past.status).toBe(200);
    expect(past.body.chair?.userId).toBe(id('memberA'));
  });

  it('refuses changing the kind of a forum that has meetings, in Danish on the field', async () => {
    const forum = await newForum(['memberA', 'memberB']);
    const made = await call(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ forumId: forum.id }),
    );
    expect(made.status).toBe(201);
    const res = await call<ErrorBody>('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      kind: 'steering_group',
    });
    expect(res.status).toBe(400);
    expect(fieldsIn(res.body)).toEqual(['body.kind:forum_kind_has_meetings']);
    expect(JSON.stringify(res.body)).toMatch(/Forummet har møder/);
    const kind = await t.database.db
      .selectFrom('forums')
      .select(['kind', 'version'])
      .where('id', '=', forum.id)
      .executeTakeFirstOrThrow();
    expect(kind).toEqual({ kind: 'forum', version: forum.version });
    // Its name still changes.
    const renamed = await call('coordinator', 'PATCH', `/api/forums/${forum.id}`, {
      version: forum.version,
      name: `Omdøbt ${randomUUID()}`,
    });
    expect(renamed.status).toBe(200);
  });
});
