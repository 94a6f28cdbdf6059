import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, createTeamCase, logInAll } from '../../test/case-team.ts';
import type { Client } from '../../test/records.ts';
import type { TestUser } from '../../test/users.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from './schedule.ts';

/**
 * Follow-ups: scheduled from an approved plan (the exported function the plan approval calls),
 * one more by hand, recorded with the concern level re-judged (up/same/down against the case),
 * goal progress against the approved plan and life-competence ratings; cancelled; the rules
 * (before the case opened, in the future, unknown goal, stale version, closed case) answer 400 or
 * 409 and store nothing; 404 for non-members, 403 for an intervention-scoped member; the job
 * warns the coordinators once about an overdue follow-up of an active case.
 */
export let t: TestApp;
export let coordinator: TestUser;
export let member: TestUser;
export let person: { id: string; name: string };
export let theCase: { id: string; reference: string };
export let planId: string;
export const goalA = randomUUID();
export const goalB = randomUUID();
const as: Record<string, Client> = {};
export const today = danishToday(new Date());
export const openedOn = addDays(today, -60);

export const caller = (name: 'coordinator' | 'member' | 'mentor' | 'outsider'): Client =>
  callerIn(as, name);

export const url = (path = '') => `/api/cases/${theCase.id}/follow-ups${path}`;
export { fieldsOf } from '../../test/records.ts';

interface Item {
  id: string;
  planId: string | null;
  dueOn: string;
  status: string;
  overdue: boolean;
  heldOn: string | null;
  concernLevel: string | null;
  concernChange: string | null;
  goalProgress: { goalKey: string; status: string; note: string | null }[];
  competences: Record<string, number> | null;
  recordedBy: { id: string; name: string } | null;
  version: number;
}
export interface List {
  items: Item[];
  goals: { key: string; text: string; status: string }[];
  concernLevel: string | null;
  competenceSeries: { heldOn: string; ratings: Record<string, number> }[];
  concernSeries: { on: string; level: string; source: string }[];
}

export async function asUser(user: TestUser): Promise<CurrentUser> {
  const row = await t.database.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', user.id)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles as CurrentUser['roles'],
    municipalityCode: row.municipality_code,
    policeDistrictId: row.police_district_id,
    unitIds: [],
    totpEnabled: true,
  };
}

export async function followUpRows(caseId = theCase.id) {
  return t.database.db
    .selectFrom('case_follow_ups')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('due_on')
    .execute();
}

export async function caseRow(caseId = theCase.id) {
  return t.database.db
    .selectFrom('cases')
    .select(['concern_level', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
}

export async function events(kind: string, caseId = theCase.id) {
  return t.database.db
    .selectFrom('case_events')
    .select(['kind', 'changes'])
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .orderBy('id')
    .execute();
}

/** The app, users, case and approved plan these tests share: set up once per test file. */
export function useFollowUpsFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    const team = await createTeamCase(db, ['coordinator', 'member', 'mentor', 'outsider']);
    ({ person, theCase } = team);
    ({ coordinator, member } = team.users);
    await db
      .updateTable('cases')
      .set({ opened_at: new Date(`${openedOn}T10:00:00Z`) })
      .where('id', '=', theCase.id)
      .execute();
    const plan = await db
      .insertInto('case_plans')
      .values({
        case_id: theCase.id,
        number: 1,
        status: 'approved',
        goals: JSON.stringify([
          {
            key: goalA,
            parentKey: null,
            text: 'Fastholdes i skolen',
            responsible: { userId: member.id },
            targetDate: addDays(today, 30),
            status: 'in_progress',
          },
          {
            key: goalB,
            parentKey: goalA,
            text: 'Møder op hver dag',
            responsible: { name: 'Klasselærer' },
            targetDate: addDays(today, 60),
            status: 'not_started',
          },
        ]),
        starts_on: today,
        follow_up_interval_days: 30,
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    planId = plan.id;
    await logInAll(t, team.users, as);
  });
  afterAll(() => t.close());
}
