import type { Role } from '../access/roles.ts';
import { danishToday } from '../modules/cases/chronology.ts';
import type { TestApp } from './app.ts';
import { roleCaller, type Caller } from './access-matrix.ts';
import {
  client,
  createCase,
  createForum,
  createInquiryRow,
  createPerson,
  createUnit,
  type Client,
} from './records.ts';

/**
 * The people and records the need-to-know tests on writes work with. Members act on the records
 * (through the API, with valid bodies); non-members hold every role that may work with records in
 * the same municipality, plus a coordinator of another one, and are members of nothing.
 */
export const MEMBER_ROLES = [
  'coordinator',
  'coordinator2',
  'forum',
  'caseworker',
  'mentor',
] as const;
export type MemberName = (typeof MEMBER_ROLES)[number];

export interface Staff {
  caller: Caller;
  as: Client;
}

export interface World {
  t: TestApp;
  members: Record<MemberName, Staff>;
  /** A caseworker of 101 who is nobody's member yet (to be added to a case). */
  spare: Staff;
  nonMembers: Caller[];
  unitId: string;
  typeId: string;
  today: string;
}

/** Records made for one test, so that what one test changes touches no other. */
export interface Records {
  caseId: string;
  /** The case's citizen and a relative (both persons of the case). */
  citizenId: string;
  relativeId: string;
  inquiryId: string;
  forumId: string;
}

let counter = 0;

export async function staff(t: TestApp, role: Role, municipality = '101'): Promise<Staff> {
  const caller = await roleCaller(t, role, municipality);
  return { caller, as: client(t.app, { cookie: caller.cookie ?? '', csrf: caller.csrf ?? '' }) };
}

/** Logged-in staff of municipality 101 to be the members of the records a test makes. */
export async function createMembers(t: TestApp): Promise<Record<MemberName, Staff>> {
  return {
    coordinator: await staff(t, 'coordinator'),
    coordinator2: await staff(t, 'coordinator'),
    forum: await staff(t, 'forum_member'),
    caseworker: await staff(t, 'caseworker'),
    mentor: await staff(t, 'mentor'),
  };
}

export async function createWorld(t: TestApp): Promise<World> {
  const db = t.database.db;
  const members = await createMembers(t);
  const nonMembers: Caller[] = [];
  for (const role of [
    'coordinator',
    'forum_member',
    'caseworker',
    'police_contact',
    'mentor',
  ] as const) {
    nonMembers.push((await staff(t, role)).caller);
  }
  nonMembers.push((await staff(t, 'coordinator', '147')).caller);
  const unit = await createUnit(db, { name: 'Ungeenheden' });
  counter += 1;
  const type = await db
    .insertInto('intervention_types')
    .values({
      municipality_code: '101',
      code: `mentor_${process.pid}_${counter}`,
      name: 'Mentorforløb',
      level: 'anticipating',
      age_group: 'all',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    t,
    members,
    spare: await staff(t, 'caseworker'),
    nonMembers,
    unitId: unit.id,
    typeId: type.id,
    today: danishToday(new Date()),
  };
}

/**
 * A case (citizen and relative; the two coordinators, a forum member, a caseworker and an
 * intervention-scoped mentor as members) and an inquiry about a third person, handled by a forum
 * whose member is the world's forum member; all in municipality 101.
 */
export async function freshRecords(w: World): Promise<Records> {
  const db = w.t.database.db;
  const id = (name: MemberName) => w.members[name].caller.userId ?? '';
  const citizen = await createPerson(db);
  const relative = await createPerson(db, { givenName: 'Forælder' });
  const record = await createCase(db, {
    persons: [{ id: citizen.id }, { id: relative.id, role: 'parent' }],
    members: [
      { userId: id('coordinator'), role: 'coordinator' },
      { userId: id('coordinator2'), role: 'coordinator' },
      { userId: id('forum'), role: 'forum' },
      { userId: id('caseworker'), role: 'member' },
      { userId: id('mentor'), role: 'member', scope: 'intervention' },
    ],
  });
  const forum = await createForum(db, { members: [id('forum')] });
  const subject = await createPerson(db, { givenName: 'Henvendelse' });
  const inquiry = await createInquiryRow(db, {
    createdBy: id('caseworker'),
    persons: [subject.id],
    forumId: forum.id,
  });
  return {
    caseId: record.id,
    citizenId: citizen.id,
    relativeId: relative.id,
    inquiryId: inquiry.id,
    forumId: forum.id,
  };
}

/** The JSON of a response that must have succeeded (a failed setup step names itself). */
export function ok<T>(res: { statusCode: number; body: string; json(): unknown }, step: string): T {
  if (res.statusCode >= 300) throw new Error(`${step}: ${res.statusCode} ${res.body}`);
  return (res.statusCode === 204 ? {} : res.json()) as T;
}
