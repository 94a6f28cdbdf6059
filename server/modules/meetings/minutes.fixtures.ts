import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createCase, createForum, createPerson, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * A forum meeting with its agenda, made by inserting rows (the meetings and agenda slices own
 * their routes), and the users around it: the chair and the note-taker (coordinators), a forum
 * member, a guest invited to one item, a caseworker outside every case, and a coordinator of
 * another municipality.
 */
export let t: TestApp;
export const users: Record<string, TestUser> = {};
export const as: Record<string, Client> = {};
export const caller = (name: string): Client => callerIn(as, name);
export const ids = (name: string): string => {
  const user = users[name];
  if (!user) throw new Error(`no user ${name}`);
  return user.id;
};

export interface ItemSpec {
  kind: string;
  caseId?: string;
  inquiryId?: string;
  title?: string;
}

/** A meeting of a new forum of `forumKind` going on now, with `items` in order. */
export async function meetingWith(items: ItemSpec[], forumKind = 'forum') {
  const db = t.database.db;
  const forum = await createForum(db, { members: [ids('chair'), ids('noteTaker'), ids('member')] });
  await db.updateTable('forums').set({ kind: forumKind }).where('id', '=', forum.id).execute();
  const meetingId = randomUUID();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      forum_id: forum.id,
      meeting_type: forumKind === 'housing_area' ? 'area_meeting' : forumKind,
      // Started a minute ago (the Danish day of the meeting is today's, whatever the hour).
      starts_at: new Date(Date.now() - 60_000),
      ends_at: new Date(Date.now() + 3_600_000),
      place: 'Rådhuset, mødelokale 2',
      chair_user_id: ids('chair'),
      note_taker_user_id: ids('noteTaker'),
      recorded_afterwards: true,
      status: 'held',
      created_by: ids('chair'),
    })
    .execute();
  const itemIds: string[] = [];
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
        created_by: ids('chair'),
      })
      .execute();
    itemIds.push(id);
  }
  return { meetingId, forumId: forum.id, itemIds };
}

/** Invites `user` as a guest to one item. */
export async function inviteGuest(meetingId: string, itemId: string, user: string) {
  await t.database.db
    .insertInto('meeting_participants')
    .values({ meeting_id: meetingId, user_id: ids(user), kind: 'guest', agenda_item_id: itemId })
    .execute();
}

/** A case of the chair and the note-taker (coordinators) and the forum member. */
export async function forumCase() {
  const db = t.database.db;
  const person = await createPerson(db, { givenName: 'Emil', familyName: 'Mødesen' });
  const c = await createCase(db, {
    persons: [{ id: person.id }],
    members: [
      { userId: ids('chair'), role: 'coordinator' },
      { userId: ids('noteTaker'), role: 'coordinator' },
      { userId: ids('member'), role: 'forum' },
      { userId: ids('guest'), role: 'member' },
    ],
  });
  return { ...c, personId: person.id };
}

/** Starts the minutes as the note-taker; their version. */
export async function start(meetingId: string): Promise<number> {
  const res = await caller('noteTaker').post(`/api/meetings/${meetingId}/minutes`, {
    id: randomUUID(),
  });
  if (res.statusCode !== 201) throw new Error(res.body);
  return (res.json() as { version: number }).version;
}

export interface View {
  minutes: { id: string; versionNo: number; status: string; version: number } | null;
  versions: { versionNo: number; status: string }[];
  items: {
    agendaItemId: string;
    assessed: string | null;
    decision: string | null;
    action: { kind: string; resourceId: string } | null;
    actions: string[];
    caseReference: string | null;
  }[];
  tasks: { id: string; description: string; version: number; done: boolean }[];
  abilities: Record<string, boolean>;
}

export async function view(meetingId: string, who = 'noteTaker', query = ''): Promise<View> {
  const res = await caller(who).get(`/api/meetings/${meetingId}/minutes${query}`);
  if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as View;
}

export async function eventKinds(caseId: string): Promise<string[]> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('kind')
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.kind);
}

export function useMinutesFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    users.chair = await createUser(db, { roles: ['coordinator'] });
    users.noteTaker = await createUser(db, { roles: ['coordinator'] });
    users.member = await createUser(db, { roles: ['forum_member'] });
    users.guest = await createUser(db, { roles: ['caseworker'] });
    users.outsider = await createUser(db, { roles: ['caseworker'] });
    users.foreign = await createUser(db, { roles: ['coordinator'], municipalityCode: '147' });
    await logInAll(t, users, as);
    // The forum's meetings are held in model 2 (model 1, the default, holds only Infohus Kommune
    // and the housing areas' meetings, and their minutes are refused elsewhere).
    await db
      .insertInto('municipality_settings')
      .values({ municipality_code: '101', organisation_model: 2 })
      .onConflict((oc) => oc.column('municipality_code').doUpdateSet({ organisation_model: 2 }))
      .execute();
  });
  afterAll(async () => {
    await t?.close();
  });
}
