import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { client } from '../../test/records.ts';
import { createUser, login } from '../../test/users.ts';
import { meetingWith, t, useMinutesFixtures } from './minutes.fixtures.ts';

/**
 * The agenda and minutes routes ask for the meetings policy like the meeting routes (review
 * finding 16): a user whose role may not read meetings is refused (403) even when a row makes
 * them a member of the meeting's forum.
 */
useMinutesFixtures();

describe(`agenda and minutes routes need meetings.read (${testEngine})`, () => {
  it('refuses a data-protection user sitting in the forum', async () => {
    const { meetingId, forumId } = await meetingWith(
      [{ kind: 'topic', title: 'Tendenser i området' }],
      'infohus_kommune',
    );
    const db = t.database.db;
    const dpo = await createUser(db, { roles: ['data_protection'] });
    await db.insertInto('forum_members').values({ forum_id: forumId, user_id: dpo.id }).execute();
    const as = client(t.app, await login(t.app, dpo));
    for (const path of ['agenda', 'agenda/proposals', 'minutes']) {
      const res = await as.get(`/api/meetings/${meetingId}/${path}`);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(403);
    }
  });
});
