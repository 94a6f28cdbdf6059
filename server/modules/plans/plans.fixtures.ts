import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeam, logInAll, membersOf } from '../../test/case-team.ts';
import { createCase, createPerson, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';

/**
 * The action plan: drafts by members with the whole case, submission, approval by the case's
 * coordinators (with the steering group's meeting date when the municipality says so), sending
 * back; goals checked (responsible person, parent goal, keys, time frame) with nothing stored on
 * a refusal; optimistic locking; the PDF for the citizen; 404 for non-members, 403 for a mentor.
 */
export let t: TestApp;
export let theCase: { id: string; reference: string };
export let citizen: { id: string; name: string };
export let coordinator: TestUser;
export let member: TestUser;
const as: Record<string, Client> = {};

// A second municipality (147) whose plans the steering group approves.
export let steeringCase: { id: string; reference: string };

/** The app, users and cases these tests share: set up once per test file. */
export function usePlansFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const team = await createTeam(db, ['coordinator', 'member', 'mentor', 'outsider']);
    ({ coordinator, member } = team);
    citizen = await createPerson(db, { givenName: 'Jonas', familyName: 'Mikkelsen' });
    const father = await createPerson(db, { givenName: 'Karim', familyName: 'Mikkelsen' });
    theCase = await createCase(db, {
      persons: [{ id: citizen.id }, { id: father.id, role: 'parent' }],
      members: membersOf(team),
    });
    const coordinator147 = await createUser(db, {
      roles: ['coordinator'],
      municipalityCode: '147',
    });
    const admin147 = await createUser(db, { roles: ['municipal_admin'], municipalityCode: '147' });
    const person147 = await createPerson(db, { municipalityCode: '147' });
    steeringCase = await createCase(db, {
      municipalityCode: '147',
      persons: [{ id: person147.id }],
      members: [{ userId: coordinator147.id, role: 'coordinator' }],
    });
    await logInAll(t, { ...team, coordinator147, admin147 }, as);
  });
  afterAll(() => t.close());
}

type Name = 'coordinator' | 'member' | 'mentor' | 'outsider' | 'coordinator147' | 'admin147';
export const caller = (name: Name): Client => callerIn(as, name);

export interface PlanJson {
  id: string;
  number: number;
  status: string;
  basedOnId: string | null;
  version: number;
  purpose: string | null;
  goals: {
    key: string;
    parentKey: string | null;
    text: string;
    responsible: { userId: string | null; name: string } | null;
    targetDate: string | null;
    status: string;
  }[];
  agreements: string[];
  decidedBy: { id: string; name: string } | null;
  submittedBy: { id: string; name: string } | null;
  decisionComment: string | null;
  steeringGroupMeetingOn: string | null;
}
export interface ListJson {
  approval: string;
  items: PlanJson[];
}

export const url = (path = '', caseId = theCase.id) => `/api/cases/${caseId}${path}`;
export { fieldsOf } from '../../test/records.ts';

export const topKey = randomUUID();
export const subKey = randomUUID();

export function content(overrides: Record<string, unknown> = {}) {
  return {
    purpose: 'At Jonas kommer i skole hver dag og får et fritidsjob.',
    goals: [
      {
        key: topKey,
        parentKey: null,
        text: 'Stabilt fremmøde i skolen',
        responsible: { userId: member.id },
        targetDate: '2026-06-30',
        status: 'in_progress',
      },
      {
        key: subKey,
        parentKey: topKey,
        text: 'Møder til første time fire dage om ugen',
        responsible: { name: 'Jonas' },
        targetDate: '2026-04-30',
        status: 'not_started',
      },
    ],
    agreements: ['Vi mødes hver tirsdag kl. 15.', 'Far deltager i samtalerne hver måned.'],
    citizenWishes: 'Vil gerne spille fodbold igen.',
    citizenParticipated: true,
    startsOn: '2026-02-01',
    endsOn: '2026-12-31',
    nextFollowUpOn: '2026-03-01',
    followUpIntervalDays: 30,
    ...overrides,
  };
}

export function goal(index: number): Record<string, unknown> {
  const found = content().goals[index];
  if (!found) throw new Error(`no goal ${index}`);
  return found;
}

export async function storedPlan(id: string) {
  return t.database.db
    .selectFrom('case_plans')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}
export async function eventsOf(kind: string): Promise<number> {
  const rows = await t.database.db
    .selectFrom('case_events')
    .select('id')
    .where('case_id', '=', theCase.id)
    .where('kind', '=', kind)
    .execute();
  return rows.length;
}
