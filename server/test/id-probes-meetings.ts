import { randomUUID } from 'node:crypto';
import type { IdProbe, ProbeRequest, ProbeWorld } from './record-ids.ts';

/**
 * Record ids in the meetings' requests (issue 14 part 2): meetings, forums, users, agenda items
 * and external guests of another municipality (147) answer exactly as unused ids, and nothing is
 * linked. The caller is a coordinator of 101 (who manages its forums and meetings).
 */
const coordinator = (x: ProbeWorld) => x.members.coordinator.caller;
const coordinatorId = (x: ProbeWorld) => x.members.coordinator.caller.userId ?? '';
const otherUser = (x: ProbeWorld) => x.other.user.caller.userId ?? '';

function inDays(days: number, hour: number): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** An Infohus Kommune forum of 101 (every organisation model holds its meetings). */
async function ownForum(x: ProbeWorld): Promise<string> {
  const row = await x.t.database.db
    .insertInto('forums')
    .values({ municipality_code: '101', name: `Infohus ${randomUUID()}`, kind: 'infohus_kommune' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A meeting of the forum, made by `createdBy`, a week on. */
async function meetingOf(x: ProbeWorld, forumId: string, createdBy: string): Promise<string> {
  const id = randomUUID();
  await x.t.database.db
    .insertInto('meetings')
    .values({
      id,
      forum_id: forumId,
      meeting_type: 'infohus_kommune',
      starts_at: inDays(7, 9),
      ends_at: inDays(7, 11),
      place: 'Rådhuset',
      created_by: createdBy,
    })
    .execute();
  return id;
}

const ownMeeting = async (x: ProbeWorld) => meetingOf(x, await ownForum(x), coordinatorId(x));

/** A meeting of municipality 147 (its forum is of the default kind). */
async function hiddenMeeting(x: ProbeWorld): Promise<string> {
  const id = randomUUID();
  await x.t.database.db
    .insertInto('meetings')
    .values({
      id,
      forum_id: x.other.forumId,
      meeting_type: 'forum',
      starts_at: inDays(7, 9),
      ends_at: inDays(7, 11),
      place: 'Et andet rådhus',
      created_by: otherUser(x),
    })
    .execute();
  return id;
}

async function itemOf(x: ProbeWorld, meetingId: string, createdBy: string): Promise<string> {
  const id = randomUUID();
  await x.t.database.db
    .insertInto('meeting_agenda_items')
    .values({
      id,
      meeting_id: meetingId,
      position: 1,
      kind: 'topic',
      title: 'Tema',
      created_by: createdBy,
    })
    .execute();
  return id;
}

const hiddenItem = async (x: ProbeWorld) => itemOf(x, await hiddenMeeting(x), otherUser(x));

async function guestOf(x: ProbeWorld, meetingId: string, itemId: string, createdBy: string) {
  const id = randomUUID();
  await x.t.database.db
    .insertInto('meeting_external_guests')
    .values({
      id,
      meeting_id: meetingId,
      agenda_item_id: itemId,
      name: 'Gæst',
      created_by: createdBy,
    })
    .execute();
  return id;
}

async function hiddenGuest(x: ProbeWorld): Promise<string> {
  const meetingId = await hiddenMeeting(x);
  return guestOf(x, meetingId, await itemOf(x, meetingId, otherUser(x)), otherUser(x));
}

type Build = (x: ProbeWorld) => Promise<Omit<ProbeRequest, 'caller'>>;

function probe(
  key: string,
  hidden: (x: ProbeWorld) => Promise<string> | string,
  build: Build,
  extra: Partial<IdProbe> = {},
): IdProbe {
  return {
    key,
    setup: async (x) => ({
      hidden: await hidden(x),
      request: { caller: coordinator(x), ...(await build(x)) },
    }),
    ...extra,
  };
}

/** A valid new meeting of an own forum; `put` places the probed id. */
async function createBody(x: ProbeWorld) {
  const forumId = await ownForum(x);
  return {
    id: randomUUID(),
    forumId,
    meetingType: 'infohus_kommune',
    startsAt: inDays(10, 9),
    endsAt: inDays(10, 11),
    place: 'Politistationen',
  };
}

/** A path-id probe of one meeting route: the hidden id is another municipality's meeting. */
function meetingPath(
  key: string,
  method: ProbeRequest['method'],
  tail: string,
  body?: (x: ProbeWorld) => Record<string, unknown>,
) {
  return probe(key, hiddenMeeting, async (x) => ({
    method,
    url: (id) => `/api/meetings/${id}${tail}`,
    ...(body && { body: () => body(x) }),
  }));
}

export const MEETING_PROBES: IdProbe[] = [
  probe(
    'GET /api/meetings query.forumId',
    (x) => x.other.forumId,
    async () => ({
      method: 'GET',
      url: (id) => `/api/meetings?forumId=${id}`,
    }),
  ),
  probe(
    'POST /api/meetings body.id',
    hiddenMeeting,
    async (x) => {
      const body = await createBody(x);
      return { method: 'POST', url: () => '/api/meetings', body: (id) => ({ ...body, id }) };
    },
    // An own meeting's id with another body is refused alike (409 on body.id).
    { visibleTwin: ownMeeting },
  ),
  probe(
    'POST /api/meetings body.forumId',
    (x) => x.other.forumId,
    async (x) => {
      const body = await createBody(x);
      return {
        method: 'POST',
        url: () => '/api/meetings',
        body: (id) => ({ ...body, id: randomUUID(), forumId: id }),
      };
    },
  ),
  probe('POST /api/meetings body.chairUserId', otherUser, async (x) => {
    const body = await createBody(x);
    return {
      method: 'POST',
      url: () => '/api/meetings',
      body: (id) => ({ ...body, id: randomUUID(), chairUserId: id }),
    };
  }),
  probe('POST /api/meetings body.noteTakerUserId', otherUser, async (x) => {
    const body = await createBody(x);
    return {
      method: 'POST',
      url: () => '/api/meetings',
      body: (id) => ({ ...body, id: randomUUID(), noteTakerUserId: id }),
    };
  }),
  meetingPath('GET /api/meetings/{id} path.id', 'GET', ''),
  meetingPath('PATCH /api/meetings/{id} path.id', 'PATCH', '', () => ({ version: 1, place: 'X' })),
  meetingPath('POST /api/meetings/{id}/cancel path.id', 'POST', '/cancel', () => ({
    version: 1,
    reason: 'Aflyst',
  })),
  meetingPath('POST /api/meetings/{id}/participants path.id', 'POST', '/participants', (x) => ({
    userId: x.colleague.caller.userId ?? '',
  })),
  meetingPath(
    'DELETE /api/meetings/{id}/participants/{userId} path.id',
    'DELETE',
    '/participants/00000000-0000-4000-8000-000000000000',
  ),
  meetingPath(
    'POST /api/meetings/{id}/external-guests path.id',
    'POST',
    '/external-guests',
    () => ({
      id: randomUUID(),
      agendaItemId: randomUUID(),
      name: 'Gæst',
    }),
  ),
  meetingPath(
    'DELETE /api/meetings/{id}/external-guests/{guestId} path.id',
    'DELETE',
    '/external-guests/00000000-0000-4000-8000-000000000000',
  ),
  ...(['chairUserId', 'noteTakerUserId'] as const).map((field) =>
    probe(`PATCH /api/meetings/{id} body.${field}`, otherUser, async (x) => {
      const meetingId = await ownMeeting(x);
      return {
        method: 'PATCH',
        url: () => `/api/meetings/${meetingId}`,
        body: (id) => ({ version: 1, [field]: id }),
      };
    }),
  ),
  probe('POST /api/meetings/{id}/participants body.userId', otherUser, async (x) => {
    const meetingId = await ownMeeting(x);
    return {
      method: 'POST',
      url: () => `/api/meetings/${meetingId}/participants`,
      body: (id) => ({ userId: id }),
    };
  }),
  probe('POST /api/meetings/{id}/participants body.agendaItemId', hiddenItem, async (x) => {
    const meetingId = await ownMeeting(x);
    return {
      method: 'POST',
      url: () => `/api/meetings/${meetingId}/participants`,
      body: (id) => ({ userId: x.colleague.caller.userId ?? '', agendaItemId: id }),
    };
  }),
  probe('DELETE /api/meetings/{id}/participants/{userId} path.userId', otherUser, async (x) => {
    const meetingId = await ownMeeting(x);
    return { method: 'DELETE', url: (id) => `/api/meetings/${meetingId}/participants/${id}` };
  }),
  probe(
    'POST /api/meetings/{id}/external-guests body.id',
    hiddenGuest,
    async (x) => {
      const meetingId = await ownMeeting(x);
      const itemId = await itemOf(x, meetingId, coordinatorId(x));
      return {
        method: 'POST',
        url: () => `/api/meetings/${meetingId}/external-guests`,
        body: (id) => ({ id, agendaItemId: itemId, name: 'Skolevejleder' }),
      };
    },
    // A guest of another own meeting: refused alike (409 on body.id).
    {
      visibleTwin: async (x) => {
        const meetingId = await ownMeeting(x);
        return guestOf(
          x,
          meetingId,
          await itemOf(x, meetingId, coordinatorId(x)),
          coordinatorId(x),
        );
      },
    },
  ),
  probe('POST /api/meetings/{id}/external-guests body.agendaItemId', hiddenItem, async (x) => {
    const meetingId = await ownMeeting(x);
    return {
      method: 'POST',
      url: () => `/api/meetings/${meetingId}/external-guests`,
      body: (id) => ({ id: randomUUID(), agendaItemId: id, name: 'Skolevejleder' }),
    };
  }),
  probe(
    'DELETE /api/meetings/{id}/external-guests/{guestId} path.guestId',
    hiddenGuest,
    async (x) => {
      const meetingId = await ownMeeting(x);
      return { method: 'DELETE', url: (id) => `/api/meetings/${meetingId}/external-guests/${id}` };
    },
  ),
];
