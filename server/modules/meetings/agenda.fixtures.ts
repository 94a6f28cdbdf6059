import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../access/roles.ts';
import type { DB } from '../../platform/db/schema.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callsByName, countOf, createCase, createForum } from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';

/**
 * The agenda's tests through the real app. Meetings are made by inserting rows (the meetings
 * API is another part of the module): `createMeeting` with a Danish day and time, so a test
 * moves the builder's clock by choosing the meeting's day.
 */
export let t: TestApp;
export const users: Record<string, TestUser> = {};
export const as: Record<string, LoggedIn> = {};
export const call = callsByName(() => t.app, as);
export { fieldsIn, type ErrorBody } from '../../test/records.ts';

export const db = (): Kysely<DB> => t.database.db;

export async function addUser(name: string, roles: Role[], municipalityCode = '101') {
  users[name] = await createUser(db(), { roles, municipalityCode });
  as[name] = await login(t.app, users[name]);
  return users[name];
}

export const id = (name: string) => {
  const user = users[name];
  if (!user) throw new Error(`no user ${name}`);
  return user.id;
};

/** A forum of a kind, with members. */
export async function forumOf(
  kind: string,
  members: string[],
  options: { municipalityCode?: string; cadence?: string } = {},
) {
  const forum = await createForum(db(), {
    municipalityCode: options.municipalityCode ?? '101',
    members: members.map(id),
  });
  await db()
    .updateTable('forums')
    .set({ kind, cadence: options.cadence ?? null })
    .where('id', '=', forum.id)
    .execute();
  return forum.id;
}

/** A planned meeting of the forum at 10:00 Danish time on `day` (YYYY-MM-DD), chaired by `chair`. */
export async function createMeeting(
  forumId: string,
  day: string,
  options: { chair?: string; meetingType?: string; status?: string } = {},
) {
  const meetingId = randomUUID();
  const forum = await db()
    .selectFrom('forums')
    .select(['kind', 'municipality_code'])
    .where('id', '=', forumId)
    .executeTakeFirstOrThrow();
  const type = options.meetingType ?? (forum.kind === 'housing_area' ? 'area_meeting' : forum.kind);
  await db()
    .insertInto('meetings')
    .values({
      id: meetingId,
      municipality_code: forum.municipality_code,
      forum_id: forumId,
      meeting_type: type,
      starts_at: `${day}T10:00:00+01:00`,
      ends_at: `${day}T12:00:00+01:00`,
      chair_user_id: options.chair ? id(options.chair) : null,
      status: options.status ?? 'planned',
      ...(options.status === 'cancelled' && { cancel_reason: 'Aflyst' }),
      created_by: options.chair ? id(options.chair) : id('coordinator'),
    })
    .execute();
  return meetingId;
}

/** Invites a user to the meeting, as a member or as a guest to one item. */
export async function invite(meetingId: string, user: string, agendaItemId: string | null = null) {
  await db()
    .insertInto('meeting_participants')
    .values({
      meeting_id: meetingId,
      user_id: id(user),
      kind: agendaItemId ? 'guest' : 'member',
      agenda_item_id: agendaItemId,
    })
    .execute();
}

/** A case of the forum with the given members (by name, as coordinators). */
export async function caseOf(
  forumId: string | null,
  members: string[],
  changes: Partial<{
    status: string;
    next_follow_up_due: string;
    concern_level: string;
    municipality_code: string;
  }> = {},
) {
  const { municipality_code, ...rest } = changes;
  const created = await createCase(db(), {
    municipalityCode: municipality_code ?? '101',
    members: members.map((m) => ({ userId: id(m), role: 'coordinator' as const })),
  });
  await db()
    .updateTable('cases')
    .set({ forum_id: forumId, ...rest })
    .where('id', '=', created.id)
    .execute();
  return created;
}

/** Puts the case on hold since `at` (its chronology says so). */
export async function onHoldSince(caseId: string, at: string) {
  await db().updateTable('cases').set({ status: 'on_hold' }).where('id', '=', caseId).execute();
  await db()
    .insertInto('case_events')
    .values({
      case_id: caseId,
      occurred_at: at,
      actor_user_id: id('coordinator'),
      kind: 'status_changed',
      changes: JSON.stringify({ status: { from: 'active', to: 'on_hold' } }),
    })
    .execute();
}

/** Closes the case and schedules its re-review. */
export async function reReviewDue(caseId: string, dueOn: string, months = 6) {
  await db()
    .updateTable('cases')
    .set({ status: 'closed', closed_at: sql`now()` })
    .where('id', '=', caseId)
    .execute();
  const closure = await db()
    .insertInto('case_closures')
    .values({
      case_id: caseId,
      outcome: 'handled',
      reason: 'Forløbet er afsluttet.',
      status: 'approved',
      proposed_by: id('coordinator'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db()
    .insertInto('case_reviews')
    .values({ case_id: caseId, closure_id: closure.id, months, due_on: dueOn })
    .execute();
}

/** A plan awaiting approval. */
export async function planSubmitted(caseId: string) {
  await db()
    .insertInto('case_plans')
    .values({
      case_id: caseId,
      number: 1,
      status: 'submitted',
      created_by: id('coordinator'),
      submitted_by: id('coordinator'),
      submitted_at: sql`now()`,
    })
    .execute();
}

/** The municipality's organisation settings for the agenda. */
export async function settings(
  values: Partial<{
    plan_approval: string;
    re_review_at_meetings: boolean;
    on_hold_agenda_weeks: number;
  }>,
  municipalityCode = '101',
) {
  await db()
    .insertInto('municipality_settings')
    .values({ municipality_code: municipalityCode, ...values })
    .onConflict((oc) => oc.column('municipality_code').doUpdateSet(values))
    .execute();
}

/** Items, the meeting's version and the meeting audit entries: to prove a refusal stored nothing. */
export async function state(meetingId: string) {
  const count = (query: string) => countOf(db(), query);
  return {
    items: await count(
      `select count(*)::int as n from meeting_agenda_items where meeting_id = '${meetingId}'`,
    ),
    version: await count(`select version as n from meetings where id = '${meetingId}'`),
    audit: await count(
      `select count(*)::int as n from audit_log where resource_type = 'meeting' and resource_id = '${meetingId}'`,
    ),
  };
}

/** The app and its users: coordinators (chairs), a forum member, a caseworker, another municipality's coordinator. */
export function useAgendaFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    await addUser('coordinator', ['coordinator']);
    await addUser('colleague', ['coordinator']);
    await addUser('forumMember', ['forum_member']);
    await addUser('caseworker', ['caseworker']);
    await addUser('otherCoordinator', ['coordinator'], '147');
  });
  afterAll(async () => {
    await t?.close();
  });
}
