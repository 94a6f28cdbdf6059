import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../access/roles.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callsByName, countOf } from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';

/**
 * Meetings through the real app (issue 14 part 2): municipality 101 uses organisation model 3
 * (every forum kind meets), 151 model 1 (only Infohus Kommune and housing areas). Forums: a
 * monthly cross-disciplinary forum (members A and B), an Infohus Kommune forum, a steering group;
 * a forum of municipality 147. Users have e-mail addresses, so invitations go out.
 */
export let t: TestApp;
export const users: Record<string, TestUser> = {};
export const as: Record<string, LoggedIn> = {};
export const forums: Record<string, string> = {};
export const call = callsByName(() => t.app, as);
export { fieldsIn, type ErrorBody } from '../../test/records.ts';

export const id = (name: string) => users[name]?.id ?? '';

async function addUser(name: string, roles: Role[], municipalityCode = '101') {
  const user = await createUser(t.database.db, { roles, municipalityCode });
  await t.database.db
    .updateTable('users')
    .set({ email: `${name.toLowerCase()}@kommune.example` })
    .where('id', '=', user.id)
    .execute();
  users[name] = user;
  return user;
}

async function addForum(
  name: string,
  kind: string,
  members: string[],
  municipalityCode = '101',
  cadence: string | null = null,
) {
  const db = t.database.db;
  const row = await db
    .insertInto('forums')
    .values({ municipality_code: municipalityCode, name, kind, cadence })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (members.length > 0) {
    await db
      .insertInto('forum_members')
      .values(members.map((m) => ({ forum_id: row.id, user_id: id(m) })))
      .execute();
  }
  forums[name] = row.id;
  return row.id;
}

/** A future time `days` from now at 10:00 UTC (an hour of the day away from midnight). */
export function inDays(days: number, hour = 10): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
}

/** A valid new meeting of the monthly forum, overridable. */
export function meetingBody(overrides: Record<string, unknown> = {}) {
  return {
    id: randomUUID(),
    forumId: forums.forum,
    meetingType: 'forum',
    startsAt: inDays(7),
    endsAt: inDays(7, 12),
    place: 'Rådhuset, mødelokale 2',
    chairUserId: id('memberA'),
    noteTakerUserId: id('memberB'),
    ...overrides,
  };
}

/** An agenda item row of a meeting (the agenda helper's routes make them in the product). */
export async function insertItem(meetingId: string, title = 'Tema: trivsel') {
  const itemId = randomUUID();
  await t.database.db
    .insertInto('meeting_agenda_items')
    .values({
      id: itemId,
      meeting_id: meetingId,
      position: 1,
      kind: 'topic',
      title,
      created_by: id('coordinator'),
    })
    .execute();
  return itemId;
}

/** Meetings, participants, guests, outbox rows and meeting audit entries: nothing stored. */
export async function state() {
  const count = (q: string) => countOf(t.database.db, q);
  return {
    meetings: await count('select count(*)::int as n from meetings'),
    participants: await count('select count(*)::int as n from meeting_participants'),
    guests: await count('select count(*)::int as n from meeting_external_guests'),
    outbox: await count('select count(*)::int as n from email_outbox'),
    audit: await count(`select count(*)::int as n from audit_log where resource_type = 'meeting'`),
  };
}

export function useMeetingFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    await addUser('coordinator', ['coordinator']);
    await addUser('admin', ['municipal_admin']);
    await addUser('memberA', ['forum_member']);
    await addUser('memberB', ['caseworker']);
    await addUser('colleague', ['caseworker']);
    await addUser('outsider', ['forum_member']);
    await addUser('otherCoordinator', ['coordinator'], '147');
    await addUser('model1Coordinator', ['coordinator'], '151');
    const partner = await addUser('partner', ['partner']);
    // Police staff of the district covering 101 (no municipality of their own), and of another.
    for (const [name, district] of [
      ['police', 11],
      ['otherPolice', 10],
    ] as const) {
      const police = await addUser(name, ['police_contact']);
      await db
        .updateTable('users')
        .set({ municipality_code: null, police_district_id: district })
        .where('id', '=', police.id)
        .execute();
    }
    const orgId = randomUUID();
    await db
      .insertInto('partner_organisations')
      .values({ id: orgId, municipality_code: '101', name: 'Skolen', kind: 'school' })
      .execute();
    await db
      .insertInto('partner_users')
      .values({ user_id: partner.id, municipality_code: '101', organisation_id: orgId })
      .execute();
    for (const [code, model] of [
      ['101', 3],
      ['151', 1],
    ] as const) {
      await db
        .insertInto('municipality_settings')
        .values({ municipality_code: code, organisation_model: model })
        .onConflict((oc) =>
          oc.column('municipality_code').doUpdateSet({ organisation_model: model }),
        )
        .execute();
    }
    await addForum('forum', 'forum', ['memberA', 'memberB'], '101', 'monthly');
    await addForum('infohus', 'infohus_kommune', ['coordinator', 'memberA', 'police']);
    await addForum('steering', 'steering_group', ['memberA']);
    await addForum('other', 'forum', [], '147', 'monthly');
    await addForum('model1Forum', 'forum', [], '151', 'monthly');
    await addForum('model1Infohus', 'infohus_kommune', [], '151');
    for (const name of Object.keys(users)) {
      const user = users[name];
      if (user) as[name] = await login(t.app, user);
    }
  });
  afterAll(() => t.close());
}
