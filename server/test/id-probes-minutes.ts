import { randomUUID } from 'node:crypto';
import type { IdProbe, ProbeRequest, ProbeWorld } from './record-ids.ts';
import { createForum } from './records.ts';
import { freshRecords } from './write-world.ts';

/**
 * Record ids in the requests of a meeting's minutes (issue 14 part 4): a meeting of another
 * municipality, an agenda item or task of a meeting the caller does not take part in, users and
 * guests not invited, and the ids a decision carries to the record's own module (a unit, review,
 * plan, intervention, type, person or user the caller may not see) answer as unused ids. The
 * caller is the world's coordinator, chair and note-taker of a meeting of their own forum about
 * their own case and inquiry, with a draft of the minutes (version 1).
 */
export interface Meeting {
  meetingId: string;
  caseItem: string;
  inquiryItem: string;
  items: Record<string, string>;
  caseId: string;
  citizenId: string;
}

export async function insertMeeting(
  x: ProbeWorld,
  municipalityCode: string,
  chair: string,
  items: { kind: string; caseId?: string; inquiryId?: string; title?: string }[],
) {
  const db = x.t.database.db;
  const forum = await createForum(db, { municipalityCode, members: chair ? [chair] : [] });
  // An Infohus Kommune meeting: held in every organisation model (the minutes refuse others).
  await db
    .updateTable('forums')
    .set({ kind: 'infohus_kommune' })
    .where('id', '=', forum.id)
    .execute();
  const meetingId = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      forum_id: forum.id,
      meeting_type: 'infohus_kommune',
      starts_at: new Date(Date.now() - 60_000),
      ends_at: new Date(Date.now() + 3_600_000),
      chair_user_id: chair || null,
      note_taker_user_id: chair || null,
      status: 'held',
      recorded_afterwards: true,
      created_by: chair || (x.other.user.caller.userId ?? ''),
    })
    .execute();
  const ids: string[] = [];
  for (const [i, item] of items.entries()) {
    const id = randomUUID();
    await db
      .insertInto('meeting_agenda_items')
      .values({
        id,
        meeting_id: meetingId,
        position: i + 1,
        kind: item.kind,
        case_id: item.caseId ?? null,
        inquiry_id: item.inquiryId ?? null,
        title: item.title ?? null,
        created_by: chair || (x.other.user.caller.userId ?? ''),
      })
      .execute();
    ids.push(id);
  }
  await db
    .insertInto('meeting_minutes')
    .values({
      id: randomUUID(),
      meeting_id: meetingId,
      version_no: 1,
      created_by: chair || (x.other.user.caller.userId ?? ''),
    })
    .execute();
  return { meetingId, ids };
}

export const me = (x: ProbeWorld) => x.members.coordinator.caller.userId ?? '';

/** The caller's own meeting about a fresh case of theirs (items of every case kind) and an inquiry. */
export async function ownMeeting(x: ProbeWorld): Promise<Meeting> {
  const r = await freshRecords(x);
  const kinds = ['case', 're_review', 'plan_approval'];
  const { meetingId, ids } = await insertMeeting(x, '101', me(x), [
    ...kinds.map((kind) => ({ kind, caseId: r.caseId })),
    { kind: 'inquiry', inquiryId: r.inquiryId },
  ]);
  const items = Object.fromEntries(kinds.map((k, i) => [k, ids[i] ?? '']));
  return {
    meetingId,
    caseItem: ids[0] ?? '',
    inquiryItem: ids[3] ?? '',
    items,
    caseId: r.caseId,
    citizenId: r.citizenId,
  };
}

/** A meeting of another municipality (147), with one topic. */
const otherMeeting = async (x: ProbeWorld) =>
  (
    await insertMeeting(x, '147', x.other.user.caller.userId ?? '', [
      { kind: 'topic', title: 'Tema' },
    ])
  ).meetingId;
/** An agenda item of a meeting of the caller's municipality they take no part in. */
const strangeItem = async (x: ProbeWorld) =>
  (await insertMeeting(x, '101', '', [{ kind: 'topic', title: 'Tema' }])).ids[0] ?? '';

export type Build = (m: Meeting, x: ProbeWorld) => Omit<ProbeRequest, 'caller'>;

export function probe(
  key: string,
  hidden: (x: ProbeWorld, m: Meeting) => Promise<string> | string,
  build: Build,
  visibleTwin?: IdProbe['visibleTwin'],
): IdProbe {
  return {
    key,
    setup: async (x) => {
      const m = await ownMeeting(x);
      return {
        hidden: await hidden(x, m),
        request: { caller: x.members.coordinator.caller, ...build(m, x) },
      };
    },
    ...(visibleTwin && { visibleTwin }),
  };
}

export const base = (meetingId: string) => `/api/meetings/${meetingId}/minutes`;
const taskBody = (m: Meeting, x: ProbeWorld) => ({
  id: randomUUID(),
  version: 1,
  agendaItemId: m.caseItem,
  description: 'Kontakt skolen',
  responsibleUserId: me(x),
  dueOn: x.today,
});
export const MINUTES_PROBES: IdProbe[] = [
  // The meeting itself: another municipality's answers as a missing one, on every route.
  ...(
    [
      ['GET', '', undefined],
      ['GET', '.pdf', undefined],
      ['PUT', '/attendance', () => ({ version: 1, participants: [], guests: [] })],
      ['POST', '/approve', () => ({ version: 1 })],
      ['POST', '/versions', () => ({ id: randomUUID(), version: 1, reason: 'Rettelse.' })],
    ] as const
  ).map(([method, suffix, body]) =>
    probe(`${method} /api/meetings/{id}/minutes${suffix} path.id`, otherMeeting, () => ({
      method,
      url: (id) => `/api/meetings/${id}/minutes${suffix}`,
      ...(body && { body }),
    })),
  ),
  probe('POST /api/meetings/{id}/minutes path.id', otherMeeting, () => ({
    method: 'POST',
    url: (id) => `/api/meetings/${id}/minutes`,
    body: () => ({ id: randomUUID() }),
  })),
  probe('PUT /api/meetings/{id}/minutes/items/{itemId} path.id', otherMeeting, (m) => ({
    method: 'PUT',
    url: (id) => `${base(id)}/items/${m.caseItem}`,
    body: () => ({ version: 1, assessed: 'Drøftet.', decision: null }),
  })),
  probe('PUT /api/meetings/{id}/minutes/items/{itemId} path.itemId', strangeItem, (m) => ({
    method: 'PUT',
    url: (id) => `${base(m.meetingId)}/items/${id}`,
    body: () => ({ version: 1, assessed: 'Drøftet.', decision: null }),
  })),
  probe('POST /api/meetings/{id}/minutes/items/{itemId}/decision path.id', otherMeeting, (m) => ({
    method: 'POST',
    url: (id) => `${base(id)}/items/${m.caseItem}/decision`,
    body: () => ({ version: 1, action: { kind: 'concern_level', concernLevel: 'low' } }),
  })),
  probe(
    'POST /api/meetings/{id}/minutes/items/{itemId}/decision path.itemId',
    strangeItem,
    (m) => ({
      method: 'POST',
      url: (id) => `${base(m.meetingId)}/items/${id}/decision`,
      body: () => ({ version: 1, action: { kind: 'concern_level', concernLevel: 'low' } }),
    }),
  ),
  probe('POST /api/meetings/{id}/minutes/tasks path.id', otherMeeting, (m, x) => ({
    method: 'POST',
    url: (id) => `${base(id)}/tasks`,
    body: () => taskBody(m, x),
  })),
  probe('POST /api/meetings/{id}/minutes/tasks body.agendaItemId', strangeItem, (m, x) => ({
    method: 'POST',
    url: () => `${base(m.meetingId)}/tasks`,
    body: (id) => ({ ...taskBody(m, x), agendaItemId: id }),
  })),
  probe(
    'POST /api/meetings/{id}/minutes/tasks body.responsibleUserId',
    (x) => x.other.user.caller.userId ?? '',
    (m, x) => ({
      method: 'POST',
      url: () => `${base(m.meetingId)}/tasks`,
      body: (id) => ({ ...taskBody(m, x), responsibleUserId: id }),
    }),
  ),
  probe('POST /api/meetings/{id}/minutes/tasks/{taskId}/done path.id', otherMeeting, (m) => ({
    method: 'POST',
    url: (id) => `${base(id)}/tasks/${m.caseItem}/done`,
    body: () => ({ version: 1 }),
  })),
  probe(
    'POST /api/meetings/{id}/minutes/tasks/{taskId}/done path.taskId',
    async (x) => {
      // A task of another meeting of the municipality, given to someone else.
      const { meetingId, ids } = await insertMeeting(x, '101', '', [{ kind: 'topic', title: 'T' }]);
      const db = x.t.database.db;
      const minutes = await db
        .selectFrom('meeting_minutes')
        .select('id')
        .where('meeting_id', '=', meetingId)
        .executeTakeFirstOrThrow();
      const id = randomUUID();
      await db
        .insertInto('meeting_minutes_tasks')
        .values({
          id,
          meeting_id: meetingId,
          minutes_id: minutes.id,
          agenda_item_id: ids[0] ?? null,
          description: 'Andres opgave',
          responsible_user_id: x.colleague.caller.userId ?? '',
          due_on: x.today,
          created_by: x.colleague.caller.userId ?? '',
        })
        .execute();
      return id;
    },
    (m) => ({
      method: 'POST',
      url: (id) => `${base(m.meetingId)}/tasks/${id}/done`,
      body: () => ({ version: 1 }),
    }),
  ),
  probe(
    'PUT /api/meetings/{id}/minutes/attendance body.participants.*.userId',
    (x) => x.other.user.caller.userId ?? '',
    (m) => ({
      method: 'PUT',
      url: () => `${base(m.meetingId)}/attendance`,
      body: (id) => ({ version: 1, participants: [{ userId: id, attended: true }], guests: [] }),
    }),
  ),
  probe(
    'PUT /api/meetings/{id}/minutes/attendance body.guests.*.id',
    async (x) => {
      const { meetingId, ids } = await insertMeeting(x, '101', '', [{ kind: 'topic', title: 'T' }]);
      const id = randomUUID();
      await x.t.database.db
        .insertInto('meeting_external_guests')
        .values({
          id,
          meeting_id: meetingId,
          agenda_item_id: ids[0] ?? '',
          name: 'Skolevejleder',
          created_by: x.colleague.caller.userId ?? '',
        })
        .execute();
      return id;
    },
    (m) => ({
      method: 'PUT',
      url: () => `${base(m.meetingId)}/attendance`,
      body: (id) => ({ version: 1, participants: [], guests: [{ id, attended: true }] }),
    }),
  ),
];
