import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import {
  call,
  forums,
  id,
  insertItem,
  meetingBody,
  useMeetingFixtures,
} from './meetings.fixtures.ts';

/**
 * What a guest sees of a meeting (review finding 12, the meeting detail): the members and
 * themselves with their own item, not the other guests nor the items those are invited to.
 */
useMeetingFixtures();

interface Detail {
  participants: { userId: string; kind: string; agendaItemId: string | null }[];
  externalGuests: unknown[];
}

describe(`a guest's view of the meeting (${testEngine})`, () => {
  it('shows a guest the members and themselves only', async () => {
    const made = await call<{ id: string }>(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ forumId: forums.forum }),
    );
    expect(made.status).toBe(201);
    const meetingId = made.body.id;
    const first = await insertItem(meetingId, 'Tema: trivsel');
    const second = await insertItem(meetingId, 'Tema: skolen');
    for (const [user, item] of [
      ['partner', first],
      ['colleague', second],
    ] as const) {
      const res = await call('coordinator', 'POST', `/api/meetings/${meetingId}/participants`, {
        userId: id(user),
        agendaItemId: item,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
    }
    // The manager sees everyone.
    const full = await call<Detail>('coordinator', 'GET', `/api/meetings/${meetingId}`);
    expect(full.body.participants.map((p) => p.userId)).toEqual(
      expect.arrayContaining([id('memberA'), id('memberB'), id('partner'), id('colleague')]),
    );
    // The partner sees the members and themselves, not the colleague invited to another item.
    const seen = await call<Detail>('partner', 'GET', `/api/meetings/${meetingId}`);
    expect(seen.status).toBe(200);
    const byUser = new Map(seen.body.participants.map((p) => [p.userId, p]));
    expect(byUser.has(id('colleague'))).toBe(false);
    expect(byUser.get(id('partner'))?.agendaItemId).toBe(first);
    expect(byUser.get(id('memberA'))?.kind).toBe('member');
    expect(seen.body.participants.some((p) => p.agendaItemId === second)).toBe(false);
    expect(seen.body.externalGuests).toEqual([]);
  });
});
