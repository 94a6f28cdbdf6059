import { randomUUID } from 'node:crypto';
import type { IdProbe, ProbeRequest, ProbeWorld } from './record-ids.ts';
import { createForum, createInquiryRow } from './records.ts';
import { freshRecords } from './write-world.ts';

/**
 * Record ids in a meeting's agenda requests (issue 14): a meeting of another municipality, an
 * item of another meeting, a case of another team and an inquiry of another municipality named
 * in a new item — each answers as an unused random id, and nothing is stored.
 */
type Build = (
  x: ProbeWorld,
) => Promise<Omit<ProbeRequest, 'caller'>> | Omit<ProbeRequest, 'caller'>;

const coordinator = (x: ProbeWorld) => x.members.coordinator.caller;
const chairId = (x: ProbeWorld) => x.members.coordinator.caller.userId ?? '';

async function meetingOf(x: ProbeWorld, forumId: string, municipalityCode: string, chair: string) {
  const id = randomUUID();
  await x.t.database.db
    .insertInto('meetings')
    .values({
      id,
      municipality_code: municipalityCode,
      forum_id: forumId,
      meeting_type: 'forum',
      starts_at: '2027-05-03T10:00:00+02:00',
      ends_at: '2027-05-03T12:00:00+02:00',
      chair_user_id: chair,
      created_by: chair,
    })
    .execute();
  const itemId = randomUUID();
  await x.t.database.db
    .insertInto('meeting_agenda_items')
    .values({
      id: itemId,
      municipality_code: municipalityCode,
      meeting_id: id,
      position: 1,
      kind: 'topic',
      title: 'Status',
      created_by: chair,
    })
    .execute();
  return { id, itemId };
}

/** A meeting the coordinator chairs, with one topic. */
async function myMeeting(x: ProbeWorld) {
  const forum = await createForum(x.t.database.db, { members: [chairId(x)] });
  return meetingOf(x, forum.id, '101', chairId(x));
}

/** A meeting of another municipality's forum (147), with one topic. */
const theirMeeting = (x: ProbeWorld) =>
  meetingOf(x, x.other.forumId, '147', x.other.user.caller.userId ?? '');

function probe(key: string, hidden: (x: ProbeWorld) => Promise<string>, build: Build): IdProbe {
  return {
    key,
    setup: async (x) => ({
      hidden: await hidden(x),
      request: { caller: coordinator(x), ...(await build(x)) },
    }),
  };
}

const otherMeeting = async (x: ProbeWorld) => (await theirMeeting(x)).id;
const otherItem = async (x: ProbeWorld) => (await theirMeeting(x)).itemId;
const topic = () => ({ id: randomUUID(), meetingVersion: 1, kind: 'topic', title: 'Tendenser' });

export const AGENDA_PROBES: IdProbe[] = [
  ...(['', '/proposals', '/numbers'] as const).map((part) =>
    probe(`GET /api/meetings/{id}/agenda${part} path.id`, otherMeeting, () => ({
      method: 'GET',
      url: (id) => `/api/meetings/${id}/agenda${part}`,
    })),
  ),
  probe('POST /api/meetings/{id}/agenda/items path.id', otherMeeting, () => ({
    method: 'POST',
    url: (id) => `/api/meetings/${id}/agenda/items`,
    body: () => topic(),
  })),
  probe('POST /api/meetings/{id}/agenda/template path.id', otherMeeting, () => ({
    method: 'POST',
    url: (id) => `/api/meetings/${id}/agenda/template`,
    body: () => ({ meetingVersion: 1, template: 'area_meeting' }),
  })),
  probe('PATCH /api/meetings/{id}/agenda/items/{itemId} path.id', otherMeeting, () => ({
    method: 'PATCH',
    url: (id) => `/api/meetings/${id}/agenda/items/${randomUUID()}`,
    body: () => ({ meetingVersion: 1, position: 1 }),
  })),
  probe('PATCH /api/meetings/{id}/agenda/items/{itemId} path.itemId', otherItem, async (x) => {
    const mine = await myMeeting(x);
    return {
      method: 'PATCH',
      url: (id) => `/api/meetings/${mine.id}/agenda/items/${id}`,
      body: () => ({ meetingVersion: 1, position: 1 }),
    };
  }),
  probe('DELETE /api/meetings/{id}/agenda/items/{itemId} path.id', otherMeeting, () => ({
    method: 'DELETE',
    url: (id) => `/api/meetings/${id}/agenda/items/${randomUUID()}?meetingVersion=1`,
  })),
  probe('DELETE /api/meetings/{id}/agenda/items/{itemId} path.itemId', otherItem, async (x) => {
    const mine = await myMeeting(x);
    return {
      method: 'DELETE',
      url: (id) => `/api/meetings/${mine.id}/agenda/items/${id}?meetingVersion=1`,
    };
  }),
  // Another team's case, and an inquiry of another municipality, named in a new item.
  probe(
    'POST /api/meetings/{id}/agenda/items body.caseId',
    async (x) => (await freshRecords(x.foreign)).caseId,
    async (x) => {
      const mine = await myMeeting(x);
      return {
        method: 'POST',
        url: () => `/api/meetings/${mine.id}/agenda/items`,
        body: (id) => ({ id: randomUUID(), meetingVersion: 1, kind: 'case', caseId: id }),
      };
    },
  ),
  probe(
    'POST /api/meetings/{id}/agenda/items body.inquiryId',
    async (x) =>
      (
        await createInquiryRow(x.t.database.db, {
          createdBy: x.other.user.caller.userId ?? '',
          municipalityCode: '147',
        })
      ).id,
    async (x) => {
      const mine = await myMeeting(x);
      return {
        method: 'POST',
        url: () => `/api/meetings/${mine.id}/agenda/items`,
        body: (id) => ({ id: randomUUID(), meetingVersion: 1, kind: 'inquiry', inquiryId: id }),
      };
    },
  ),
  // The item's own id, chosen by the client: one used in another municipality's meeting is
  // refused exactly as one used in another meeting of the caller's own.
  {
    key: 'POST /api/meetings/{id}/agenda/items body.id',
    setup: async (x) => {
      const mine = await myMeeting(x);
      return {
        hidden: await otherItem(x),
        request: {
          caller: coordinator(x),
          method: 'POST',
          url: () => `/api/meetings/${mine.id}/agenda/items`,
          body: (id) => ({ ...topic(), id }),
        },
      };
    },
    visibleTwin: async (x) => (await myMeeting(x)).itemId,
  },
];
