import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DB } from '../../platform/db/schema.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createCase, createInquiryRow, createPerson, type Client } from '../../test/records.ts';
import { createUser, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';

/**
 * My tasks: each kind reaches the right user only (coordinators of the case, the member who
 * recorded the last follow-up, the goal's responsible, the municipality's coordinators for
 * inquiries, the other coordinator for a decision awaiting approval); overdue flags; a member
 * removed from a case sees nothing of it; earliest due first with keyset pages; references
 * only — no person's name in the answer.
 */
export let t: TestApp;
export let coordinator: TestUser;
export let otherCoordinator: TestUser;
export let member: TestUser;
export let removed: TestUser;
export let person: { id: string; name: string };
export let caseX: { id: string; reference: string };
export let caseY: { id: string; reference: string };
export let caseZ: { id: string; reference: string };
export const ids: Record<string, string> = {};
export const as: Record<string, Client> = {};
export const today = danishToday(new Date());
export const goalOverdue = randomUUID();
export const GOAL_TEXT = 'Målteksten-om-borgeren';

export interface Task {
  id: string;
  kind: string;
  dueOn: string | null;
  dueAt: string | null;
  overdue: boolean;
  caseId: string | null;
  caseReference: string | null;
  inquiryId: string | null;
  inquiryReference: string | null;
  tab: string | null;
}
export interface TaskList {
  items: Task[];
  nextCursor: string | null;
}

export const caller = (name: string): Client => callerIn(as, name);

export async function tasksOf(name: string, query = ''): Promise<TaskList> {
  const res = await caller(name).get(`/api/tasks${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as TaskList;
}

/** A mentor offer declined 80 days ago and its renewal, scheduled for `dueOn`: the renewal's id. */
export async function insertRenewedOffer(
  db: Kysely<DB>,
  offer: { caseId: string; personId: string; createdBy: string; dueOn: string },
): Promise<string> {
  const common = {
    case_id: offer.caseId,
    person_id: offer.personId,
    kind: 'mentor',
    created_by: offer.createdBy,
  };
  const first = await db
    .insertInto('case_offers')
    .values({
      ...common,
      status: 'declined',
      offered_on: addDays(today, -80),
      answered_on: addDays(today, -79),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const renewal = await db
    .insertInto('case_offers')
    .values({
      ...common,
      round: 2,
      first_offer_id: first.id,
      status: 'scheduled',
      due_on: offer.dueOn,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return renewal.id;
}

export const summary = (list: TaskList) => list.items.map((i) => `${i.kind}:${i.id}`).sort();

/** The app, users and records these tests share: set up once per test file. */
export function useTasksFixtures() {
  beforeAll(async () => {
    t = await startTestApp();
    const db = t.database.db;
    coordinator = await createUser(db, { roles: ['coordinator'] });
    otherCoordinator = await createUser(db, { roles: ['coordinator'] });
    member = await createUser(db, { roles: ['caseworker'] });
    removed = await createUser(db, { roles: ['caseworker'] });
    person = await createPerson(db, { givenName: 'Særligtnavn', familyName: 'Borgersen' });
    caseX = await createCase(db, {
      persons: [{ id: person.id }],
      members: [
        { userId: coordinator.id, role: 'coordinator' },
        { userId: member.id, role: 'member' },
      ],
    });
    caseY = await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    caseZ = await createCase(db, {
      persons: [{ id: person.id }],
      members: [{ userId: coordinator.id, role: 'coordinator' }],
    });
    await db
      .updateTable('cases')
      .set({ status: 'closed', closed_at: new Date() })
      .where('id', '=', caseZ.id)
      .execute();

    const followUp = async (caseId: string, dueOn: string, recordedBy?: string) => {
      const row = await db
        .insertInto('case_follow_ups')
        .values({
          case_id: caseId,
          due_on: dueOn,
          ...(recordedBy && {
            status: 'done',
            held_on: dueOn,
            concern_level: 'low',
            recorded_by: recordedBy,
            recorded_at: new Date(),
          }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    };
    ids.fuOverdue = await followUp(caseX.id, addDays(today, -3));
    ids.fuSoon = await followUp(caseX.id, addDays(today, 5));
    ids.fuLater = await followUp(caseX.id, addDays(today, 30));
    await followUp(caseX.id, addDays(today, -10), member.id);
    ids.fuY = await followUp(caseY.id, addDays(today, 2));
    await followUp(caseY.id, addDays(today, -20), removed.id);

    ids.offerRenewal = await insertRenewedOffer(db, {
      caseId: caseX.id,
      personId: person.id,
      createdBy: coordinator.id,
      dueOn: addDays(today, 10),
    });
    ids.offerOpen = (
      await db
        .insertInto('case_offers')
        .values({
          case_id: caseY.id,
          person_id: person.id,
          kind: 'parent_coach',
          status: 'open',
          offered_on: addDays(today, -2),
          created_by: coordinator.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    const goals = [
      {
        key: goalOverdue,
        parentKey: null,
        text: GOAL_TEXT,
        responsible: { userId: member.id },
        targetDate: addDays(today, -1),
        status: 'in_progress',
      },
      {
        key: randomUUID(),
        parentKey: null,
        text: GOAL_TEXT,
        responsible: { userId: member.id },
        targetDate: addDays(today, 3),
        status: 'achieved',
      },
      {
        key: randomUUID(),
        parentKey: null,
        text: GOAL_TEXT,
        responsible: { userId: coordinator.id },
        targetDate: addDays(today, 100),
        status: 'not_started',
      },
      {
        key: randomUUID(),
        parentKey: null,
        text: GOAL_TEXT,
        responsible: { userId: removed.id },
        targetDate: addDays(today, 1),
        status: 'not_started',
      },
    ];
    await db
      .insertInto('case_plans')
      .values({
        case_id: caseX.id,
        number: 1,
        status: 'approved',
        goals: JSON.stringify(goals),
        created_by: coordinator.id,
      })
      .execute();
    ids.plan = (
      await db
        .insertInto('case_plans')
        .values({
          case_id: caseX.id,
          number: 2,
          status: 'submitted',
          goals: JSON.stringify(goals),
          created_by: member.id,
          submitted_by: member.id,
          submitted_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    ids.closure = (
      await db
        .insertInto('case_closures')
        .values({
          case_id: caseY.id,
          outcome: 'handled',
          reason: 'Bekymringen er håndteret',
          proposed_by: coordinator.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const closedZ = await db
      .insertInto('case_closures')
      .values({
        case_id: caseZ.id,
        outcome: 'handled',
        reason: 'Bekymringen er håndteret',
        status: 'approved',
        proposed_by: coordinator.id,
        decided_by: otherCoordinator.id,
        decided_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.review = (
      await db
        .insertInto('case_reviews')
        .values({
          case_id: caseZ.id,
          closure_id: closedZ.id,
          months: 6,
          due_on: addDays(today, 20),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('case_reviews')
      .values({
        case_id: caseZ.id,
        closure_id: closedZ.id,
        months: 12,
        due_on: addDays(today, 200),
      })
      .execute();

    const open = await createInquiryRow(db, {
      createdBy: member.id,
      persons: [person.id],
      deadlineAt: new Date(Date.now() - 3_600_000),
    });
    ids.inquiryOpen = open.id;
    const awaiting = await createInquiryRow(db, {
      createdBy: member.id,
      persons: [person.id],
      status: 'awaiting_approval',
      deadlineAt: new Date(Date.now() + 48 * 3_600_000),
    });
    ids.inquiryAwaiting = awaiting.id;
    ids.decision = (
      await db
        .insertInto('inquiry_decisions')
        .values({
          inquiry_id: awaiting.id,
          outcome: 'no_concern',
          reason: 'Ingen bekymring',
          age_group: 'under_18',
          subject_kind: 'person',
          status: 'pending',
          decided_by: otherCoordinator.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;

    await logInAll(
      t,
      {
        coordinator,
        otherCoordinator,
        member,
        removed,
      },
      as,
    );
  });
  afterAll(() => t.close());
}
