import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import type { z } from 'zod';
import {
  call,
  fieldsIn,
  forums,
  id,
  inDays,
  meetingBody,
  state,
  t,
  useMeetingFixtures,
  type ErrorBody,
} from './meetings.fixtures.ts';
import type { CreateMeetingResultSchema, MeetingDetail, MeetingListSchema } from './schema.ts';

/**
 * Meetings of a forum (issue 14 part 2): create (idempotent by id, a series at the forum's
 * cadence), read, list, change with optimistic locking and cancel; model 1 holds no forum
 * meetings; bad input gets a Danish message on its field and nothing is stored.
 */
useMeetingFixtures();

type Created = z.infer<typeof CreateMeetingResultSchema>;
type List = z.infer<typeof MeetingListSchema>;

describe(`meetings: create and read (${testEngine})`, () => {
  it('lets a coordinator create a forum meeting: the members are invited, audited as create', async () => {
    const body = meetingBody();
    const res = await call<Created>('coordinator', 'POST', '/api/meetings', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      id: body.id,
      forumId: forums.forum,
      forumKind: 'forum',
      meetingType: 'forum',
      status: 'planned',
      place: 'Rådhuset, mødelokale 2',
      chair: { userId: id('memberA') },
      noteTaker: { userId: id('memberB') },
      version: 1,
      seriesMeetingIds: [body.id],
    });
    expect(res.body.participants.map((p) => p.userId).sort()).toEqual(
      [id('memberA'), id('memberB')].sort(),
    );
    expect(res.body.participants.every((p) => p.kind === 'member' && p.invitationQueued)).toBe(
      true,
    );
    expect(res.body.abilities).toMatchObject({ manage: true, cancel: true });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'municipality_code'])
      .where('resource_type', '=', 'meeting')
      .where('resource_id', '=', body.id)
      .execute();
    expect(audit).toEqual([
      { action: 'create', actor_user_id: id('coordinator'), municipality_code: '101' },
    ]);

    // The same id and body again: the same meeting, nothing more stored.
    const before = await state();
    const again = await call<Created>('coordinator', 'POST', '/api/meetings', body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(body.id);
    expect(await state()).toEqual(before);

    // The same id with another body: 409 on body.id.
    const other = await call<ErrorBody>('coordinator', 'POST', '/api/meetings', {
      ...body,
      place: 'Et andet sted',
    });
    expect(other.status).toBe(409);
    expect(fieldsIn(other.body)).toEqual(['body.id:meeting_id_taken']);
    expect(await state()).toEqual(before);
  });

  it('shows the meeting to its chair (who may manage it) and members, 404 to an outsider', async () => {
    const created = await call<Created>('coordinator', 'POST', '/api/meetings', meetingBody());
    const url = `/api/meetings/${created.body.id}`;
    const chair = await call<MeetingDetail>('memberA', 'GET', url);
    expect(chair.status).toBe(200);
    expect(chair.body.abilities).toMatchObject({ manage: true, writeMinutes: true });
    const noteTaker = await call<MeetingDetail>('memberB', 'GET', url);
    expect(noteTaker.body.abilities).toMatchObject({ manage: false, writeMinutes: true });
    expect(noteTaker.body.externalGuests).toEqual([]);
    expect((await call('outsider', 'GET', url)).status).toBe(404);
    expect((await call('otherCoordinator', 'GET', url)).status).toBe(404);
  });

  it('makes a monthly series on the same weekday of the month, one series id', async () => {
    const start = new Date(inDays(10));
    const body = meetingBody({
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + 2 * 3600_000).toISOString(),
      repeat: 6,
    });
    const res = await call<Created>('coordinator', 'POST', '/api/meetings', body);
    expect(res.status).toBe(201);
    expect(res.body.seriesMeetingIds).toHaveLength(6);
    const rows = await t.database.db
      .selectFrom('meetings')
      .select(['starts_at', 'ends_at', 'series_id'])
      .where('series_id', '=', res.body.seriesId)
      .orderBy('starts_at')
      .execute();
    expect(rows).toHaveLength(6);
    const weekday = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'Europe/Copenhagen' }).format(
        d,
      );
    const hour = (d: Date) =>
      new Intl.DateTimeFormat('en-GB', {
        timeStyle: 'short',
        timeZone: 'Europe/Copenhagen',
      }).format(d);
    for (const row of rows) {
      expect(weekday(row.starts_at)).toBe(weekday(start));
      expect(hour(row.starts_at)).toBe(hour(start));
      expect(row.ends_at.getTime() - row.starts_at.getTime()).toBe(2 * 3600_000);
    }
    // Each one a month apart (28 to 35 days).
    for (let i = 1; i < rows.length; i++) {
      const days = (rows[i]!.starts_at.getTime() - rows[i - 1]!.starts_at.getTime()) / 86_400_000;
      expect(days).toBeGreaterThanOrEqual(27.9);
      expect(days).toBeLessThanOrEqual(35.1);
    }
    // Every member is invited to every meeting of the series.
    const invited = await t.database.db
      .selectFrom('meeting_participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('meeting_id', 'in', res.body.seriesMeetingIds)
      .executeTakeFirstOrThrow();
    expect(Number(invited.n)).toBe(12);
  });

  it('lists the caller’s upcoming meetings by start, keyset-paginated, filtered by forum', async () => {
    const first = await call<List>(
      'memberA',
      'GET',
      `/api/meetings?forumId=${forums.forum}&limit=2`,
    );
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await call<List>(
      'memberA',
      'GET',
      `/api/meetings?forumId=${forums.forum}&limit=2&after=${first.body.nextCursor}`,
    );
    const starts = [...first.body.items, ...second.body.items].map((m) => m.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(new Set([...first.body.items, ...second.body.items].map((m) => m.id)).size).toBe(4);
    // An outsider sees none of them; a manager sees them all.
    expect((await call<List>('outsider', 'GET', '/api/meetings')).body.items).toEqual([]);
    const admin = await call<List>('admin', 'GET', `/api/meetings?forumId=${forums.forum}`);
    expect(admin.body.items.length).toBeGreaterThanOrEqual(8);
    const bad = await call<ErrorBody>('memberA', 'GET', '/api/meetings?after=not-a-cursor!');
    expect(bad.status).toBe(400);
  });
});

describe(`meetings: bad input is refused on its field, nothing stored (${testEngine})`, () => {
  const cases: [string, () => Record<string, unknown>, number, string[]][] = [
    [
      'a start in the past without recordedAfterwards',
      () => meetingBody({ startsAt: inDays(-2), endsAt: inDays(-2, 12) }),
      400,
      ['body.startsAt:meeting_start_in_past'],
    ],
    [
      'an end before the start',
      () => meetingBody({ startsAt: inDays(3, 12), endsAt: inDays(3, 10) }),
      400,
      ['body.endsAt:meeting_end_before_start'],
    ],
    [
      'a chair who is not a member of the forum',
      () => meetingBody({ chairUserId: id('colleague') }),
      400,
      ['body.chairUserId:meeting_person_not_member'],
    ],
    [
      'a forum of another municipality',
      () => meetingBody({ forumId: forums.other }),
      400,
      ['body.forumId:meeting_forum_unknown'],
    ],
    [
      'a meeting type the forum does not hold',
      () => meetingBody({ meetingType: 'steering_group' }),
      400,
      ['body.meetingType:meeting_type_not_of_forum'],
    ],
    [
      'neither place nor video link',
      () => meetingBody({ place: null }),
      400,
      ['body.place:meeting_place_required'],
    ],
    [
      'a video link that is not https',
      () => meetingBody({ place: null, videoLink: 'http://video.example/rum' }),
      400,
      ['body.videoLink:invalid_format'],
    ],
    [
      'a series of a forum without cadence',
      () =>
        meetingBody({
          forumId: forums.infohus,
          meetingType: 'infohus_kommune',
          chairUserId: null,
          noteTakerUserId: null,
          repeat: 3,
        }),
      400,
      ['body.repeat:meeting_forum_no_cadence'],
    ],
  ];
  it.each(cases)('%s', async (_, body, status, fields) => {
    const before = await state();
    const res = await call<ErrorBody>('coordinator', 'POST', '/api/meetings', body());
    expect(res.status).toBe(status);
    if (status === 400) expect(fieldsIn(res.body)).toEqual(fields);
    expect(res.body.error.message).toMatch(/[a-zæøå]/i);
    expect(await state()).toEqual(before);
  });

  it('accepts a past meeting recorded afterwards (held, no invitations)', async () => {
    const before = await state();
    const res = await call<Created>(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ startsAt: inDays(-2), endsAt: inDays(-2, 12), recordedAfterwards: true }),
    );
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('held');
    expect((await state()).outbox).toBe(before.outbox);
  });

  it('refuses a caseworker (403) and gives a Danish message on each field', async () => {
    const before = await state();
    expect((await call('memberB', 'POST', '/api/meetings', meetingBody())).status).toBe(403);
    const res = await call<ErrorBody>(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ startsAt: inDays(-1), endsAt: inDays(-1, 12) }),
    );
    expect(res.body.error.fields?.[0]?.message).toContain('fortiden');
    expect(await state()).toEqual(before);
  });
});

describe(`meetings: model 1 holds only Infohus Kommune meetings (${testEngine})`, () => {
  it('refuses a forum meeting in model 1 with a Danish 409, and allows Infohus Kommune', async () => {
    const before = await state();
    const refused = await call<ErrorBody>(
      'model1Coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ forumId: forums.model1Forum, chairUserId: null, noteTakerUserId: null }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('meeting_not_in_model');
    expect(refused.body.error.message).toContain('model 1');
    expect(await state()).toEqual(before);
    const infohus = await call<Created>(
      'model1Coordinator',
      'POST',
      '/api/meetings',
      meetingBody({
        forumId: forums.model1Infohus,
        meetingType: 'infohus_kommune',
        chairUserId: null,
        noteTakerUserId: null,
      }),
    );
    expect(infohus.status).toBe(201);
  });

  it('hides a forum meeting from the list and its abilities when the model changes to 1', async () => {
    // A forum meeting of 151 made while it was model 3 (as a municipality changing its model).
    const db = t.database.db;
    await db
      .updateTable('municipality_settings')
      .set({ organisation_model: 3 })
      .where('municipality_code', '=', '151')
      .execute();
    const made = await call<Created>(
      'model1Coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ forumId: forums.model1Forum, chairUserId: null, noteTakerUserId: null }),
    );
    expect(made.status).toBe(201);
    await db
      .updateTable('municipality_settings')
      .set({ organisation_model: 1 })
      .where('municipality_code', '=', '151')
      .execute();
    const list = await call<List>('model1Coordinator', 'GET', '/api/meetings');
    expect(list.body.items.map((m) => m.forumKind)).toEqual(['infohus_kommune']);
    const one = await call<MeetingDetail>(
      'model1Coordinator',
      'GET',
      `/api/meetings/${made.body.id}`,
    );
    expect(one.body.abilities).toEqual({
      manage: false,
      cancel: false,
      writeMinutes: false,
      approveMinutes: false,
      seeAgenda: false,
    });
  });
});

describe(`meetings: change and cancel (${testEngine})`, () => {
  it('lets the chair move the meeting (version +1), refuses a stale version with 409', async () => {
    const created = await call<Created>('coordinator', 'POST', '/api/meetings', meetingBody());
    const url = `/api/meetings/${created.body.id}`;
    const moved = await call<MeetingDetail>('memberA', 'PATCH', url, {
      version: 1,
      startsAt: inDays(8),
      endsAt: inDays(8, 11),
    });
    expect(moved.status).toBe(200);
    expect(moved.body.version).toBe(2);
    const before = await state();
    const stale = await call<ErrorBody>('memberA', 'PATCH', url, {
      version: 1,
      place: 'Andetsteds',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.meta).toEqual({ currentVersion: 2 });
    const past = await call<ErrorBody>('memberA', 'PATCH', url, {
      version: 2,
      startsAt: inDays(-1),
      endsAt: inDays(-1, 12),
    });
    expect(fieldsIn(past.body)).toEqual(['body.startsAt:meeting_start_in_past']);
    const byNoteTaker = await call('memberB', 'PATCH', url, { version: 2, place: 'X' });
    expect(byNoteTaker.status).toBe(403);
    expect((await call('outsider', 'PATCH', url, { version: 2, place: 'X' })).status).toBe(404);
    expect(await state()).toEqual(before);
  });

  it('cancels with a reason; a cancelled meeting cannot be changed or cancelled again', async () => {
    const created = await call<Created>('coordinator', 'POST', '/api/meetings', meetingBody());
    const url = `/api/meetings/${created.body.id}`;
    const empty = await call<ErrorBody>('coordinator', 'POST', `${url}/cancel`, {
      version: 1,
      reason: ' ',
    });
    expect(empty.status).toBe(400);
    const res = await call<MeetingDetail>('coordinator', 'POST', `${url}/cancel`, {
      version: 1,
      reason: 'Formanden er syg',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', cancelReason: 'Formanden er syg' });
    expect(res.body.abilities.manage).toBe(false);
    const again = await call<ErrorBody>('coordinator', 'POST', `${url}/cancel`, {
      version: 2,
      reason: 'igen',
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('meeting_cancelled');
  });
});

describe(`meetings: in "Mine opgaver" (${testEngine})`, () => {
  it('lists a participant’s planned meetings of the next 14 days, linking the meeting', async () => {
    const soon = await call<Created>('coordinator', 'POST', '/api/meetings', meetingBody());
    const later = await call<Created>(
      'coordinator',
      'POST',
      '/api/meetings',
      meetingBody({ startsAt: inDays(20), endsAt: inDays(20, 12) }),
    );
    type Tasks = { items: { id: string; kind: string; dueAt: string | null }[] };
    const tasks = await call<Tasks>('memberB', 'GET', '/api/tasks?kind=meeting');
    expect(tasks.status).toBe(200);
    const ids = tasks.body.items.map((i) => i.id);
    expect(ids).toContain(soon.body.id);
    expect(ids).not.toContain(later.body.id);
    expect(tasks.body.items.find((i) => i.id === soon.body.id)?.dueAt).toBe(soon.body.startsAt);
    const outsider = await call<Tasks>('outsider', 'GET', '/api/tasks?kind=meeting');
    expect(outsider.body.items).toEqual([]);
  });
});
