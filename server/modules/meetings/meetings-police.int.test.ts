import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { call, forums, id, meetingBody, useMeetingFixtures } from './meetings.fixtures.ts';
import type { MeetingDetail } from './schema.ts';

/**
 * The police in the Infohus Kommune meeting (issue 14): police staff have no municipality of
 * their own; they see the meetings of their district's municipalities they take part in (and
 * nothing else), may chair one, and find them in "Mine opgaver". Police of another district get
 * 404, as for a meeting that does not exist.
 */
useMeetingFixtures();

describe(`meetings: police staff of the district (${testEngine})`, () => {
  it('lets the district’s police member see, chair and be reminded of an Infohus Kommune meeting', async () => {
    const body = meetingBody({
      forumId: forums.infohus,
      meetingType: 'infohus_kommune',
      chairUserId: id('police'),
      noteTakerUserId: id('coordinator'),
    });
    const created = await call<MeetingDetail>('coordinator', 'POST', '/api/meetings', body);
    expect(created.status).toBe(201);
    expect(created.body.participants.map((p) => p.userId)).toContain(id('police'));

    const seen = await call<MeetingDetail>('police', 'GET', `/api/meetings/${body.id}`);
    expect(seen.status).toBe(200);
    // The chair manages the meeting; managing the municipality's forums is another matter.
    expect(seen.body.abilities.manage).toBe(true);
    const list = await call<{ items: { id: string }[] }>('police', 'GET', '/api/meetings');
    expect(list.body.items.map((m) => m.id)).toEqual([body.id]);
    const tasks = await call<{ items: { id: string }[] }>(
      'police',
      'GET',
      '/api/tasks?kind=meeting',
    );
    expect(tasks.body.items.map((t) => t.id)).toEqual([body.id]);

    // A forum meeting the police do not take part in stays hidden; other police see nothing.
    const forumMeeting = meetingBody();
    await call('coordinator', 'POST', '/api/meetings', forumMeeting);
    expect((await call('police', 'GET', `/api/meetings/${forumMeeting.id}`)).status).toBe(404);
    expect((await call('otherPolice', 'GET', `/api/meetings/${body.id}`)).status).toBe(404);
    const other = await call<{ items: unknown[] }>('otherPolice', 'GET', '/api/meetings');
    expect(other.body.items).toEqual([]);
  });
});
