import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { testEngine } from '../../test/database.ts';
import {
  auditRowsOf,
  client,
  createCase,
  createInquiryRow,
  createPerson,
  displayNameOf,
  type Client,
} from '../../test/records.ts';
import { createUser, login, type TestUser } from '../../test/users.ts';
import { danishToday } from '../cases/chronology.ts';
import { addDays } from '../follow-ups/schedule.ts';

/**
 * My tasks: each kind reaches the right user only (coordinators of the case, the member who
 * recorded the last follow-up, the goal's responsible, the municipality's coordinators for
 * inquiries, the other coordinator for a decision awaiting approval); overdue flags; a member
 * removed from a case sees nothing of it; earliest due first with keyset pages; references
 * only — no person's name in the answer.
 */
let t: TestApp;
let coordinator: TestUser;
let otherCoordinator: TestUser;
let member: TestUser;
let removed: TestUser;
let person: { id: string; name: string };
let caseX: { id: string; reference: string };
let caseY: { id: string; reference: string };
let caseZ: { id: string; reference: string };
const ids: Record<string, string> = {};
const as: Record<string, Client> = {};
const today = danishToday(new Date());
const goalOverdue = randomUUID();
const GOAL_TEXT = 'Målteksten-om-borgeren';

interface Task {
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
interface TaskList {
  items: Task[];
  nextCursor: string | null;
}

function caller(name: string): Client {
  const c = as[name];
  if (!c) throw new Error(`no caller ${name}`);
  return c;
}

async function tasksOf(name: string, query = ''): Promise<TaskList> {
  const res = await caller(name).get(`/api/tasks${query}`);
  expect(res.statusCode).toBe(200);
  return res.json() as TaskList;
}

const summary = (list: TaskList) => list.items.map((i) => `${i.kind}:${i.id}`).sort();

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

  const first = await db
    .insertInto('case_offers')
    .values({
      case_id: caseX.id,
      person_id: person.id,
      kind: 'mentor',
      status: 'declined',
      offered_on: addDays(today, -80),
      answered_on: addDays(today, -79),
      created_by: coordinator.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  ids.offerRenewal = (
    await db
      .insertInto('case_offers')
      .values({
        case_id: caseX.id,
        person_id: person.id,
        kind: 'mentor',
        round: 2,
        first_offer_id: first.id,
        status: 'scheduled',
        due_on: addDays(today, 10),
        created_by: coordinator.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
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

  for (const [name, user] of Object.entries({
    coordinator,
    otherCoordinator,
    member,
    removed,
  })) {
    as[name] = client(t.app, await login(t.app, user));
  }
});
afterAll(() => t.close());

describe(`my tasks (${testEngine})`, () => {
  it("gives a case's coordinator every case kind and the inquiries, earliest due first", async () => {
    const res = await caller('coordinator').get('/api/tasks');
    expect(res.statusCode).toBe(200);
    const list = res.json() as TaskList;
    expect(summary(list)).toEqual(
      [
        `follow_up:${ids.fuOverdue}`,
        `follow_up:${ids.fuSoon}`,
        `follow_up:${ids.fuY}`,
        `offer_renewal:${ids.offerRenewal}`,
        `offer_renewal:${ids.offerOpen}`,
        `review:${ids.review}`,
        `plan_approval:${ids.plan}`,
        `closure_approval:${ids.closure}`,
        `inquiry_deadline:${ids.inquiryOpen}`,
        `decision_approval:${ids.decision}`,
      ].sort(),
    );
    const dueKey = (i: Task) => i.dueAt ?? `${i.dueOn ?? ''}T00:00:00.000Z`;
    const keys = list.items.map(dueKey);
    expect(keys).toEqual([...keys].sort());
    const byId = new Map(list.items.map((i) => [i.id, i]));
    expect(byId.get(ids.fuOverdue ?? '')).toMatchObject({
      overdue: true,
      dueOn: addDays(today, -3),
      caseId: caseX.id,
      caseReference: caseX.reference,
      tab: 'followUps',
    });
    expect(byId.get(ids.fuSoon ?? '')?.overdue).toBe(false);
    expect(byId.get(ids.offerRenewal ?? '')).toMatchObject({
      overdue: false,
      tab: 'interventions',
    });
    expect(byId.get(ids.review ?? '')).toMatchObject({ tab: 'closure', caseId: caseZ.id });
    expect(byId.get(ids.inquiryOpen ?? '')).toMatchObject({
      overdue: true,
      caseId: null,
      inquiryId: ids.inquiryOpen,
      tab: null,
    });
    expect(byId.get(ids.decision ?? '')).toMatchObject({
      overdue: false,
      inquiryId: ids.inquiryAwaiting,
    });
    // References only: no person's name, no goal text, no user's name; no audit entries.
    const body = res.body;
    expect(body).not.toContain('Særligtnavn');
    expect(body).not.toContain('Borgersen');
    expect(body).not.toContain(GOAL_TEXT);
    expect(body).not.toContain(await displayNameOf(t.database.db, member.id));
    expect(await auditRowsOf(t.database.db, res)).toEqual([]);
  });

  it('gives a member the follow-ups after the one they recorded and their own goals', async () => {
    const list = await tasksOf('member');
    expect(summary(list)).toEqual(
      [`follow_up:${ids.fuOverdue}`, `follow_up:${ids.fuSoon}`, `goal:${goalOverdue}`].sort(),
    );
    const goal = list.items.find((i) => i.kind === 'goal');
    expect(goal).toMatchObject({
      overdue: true,
      dueOn: addDays(today, -1),
      caseId: caseX.id,
      tab: 'plan',
    });
    expect(JSON.stringify(list)).not.toContain(GOAL_TEXT);
  });

  it('gives the deciding coordinator the deadline, the other coordinator the approval', async () => {
    const list = await tasksOf('otherCoordinator');
    expect(summary(list)).toEqual(
      [`inquiry_deadline:${ids.inquiryOpen}`, `inquiry_deadline:${ids.inquiryAwaiting}`].sort(),
    );
  });

  it('a member removed from a case sees nothing of it', async () => {
    const db = t.database.db;
    await db
      .insertInto('case_members')
      .values({ case_id: caseY.id, user_id: removed.id, role: 'member', scope: 'full' })
      .execute();
    await db
      .insertInto('case_members')
      .values({ case_id: caseX.id, user_id: removed.id, role: 'member', scope: 'full' })
      .execute();
    const asMember = await tasksOf('removed');
    expect(asMember.items.map((i) => i.kind).sort()).toEqual(['follow_up', 'goal']);
    expect(asMember.items.find((i) => i.kind === 'follow_up')?.id).toBe(ids.fuY);
    await db.deleteFrom('case_members').where('user_id', '=', removed.id).execute();
    expect((await tasksOf('removed')).items).toEqual([]);
  });

  it('filters by kind and pages with a keyset cursor', async () => {
    const reviews = await tasksOf('coordinator', '?kind=review');
    expect(reviews.items.map((i) => i.id)).toEqual([ids.review]);
    const all = await tasksOf('coordinator');
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const query: string = `?limit=3${after ? `&after=${after}` : ''}`;
      const list = await tasksOf('coordinator', query);
      expect(list.items.length).toBeLessThanOrEqual(3);
      seen.push(...list.items.map((i) => `${i.kind}:${i.id}`));
      after = list.nextCursor;
      if (!after) break;
    }
    expect(seen).toEqual(all.items.map((i) => `${i.kind}:${i.id}`));
    const bad = await caller('coordinator').get('/api/tasks?after=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    const unknownKind = await caller('coordinator').get('/api/tasks?kind=nonsense');
    expect(unknownKind.statusCode).toBe(400);
  });

  it('needs a session', async () => {
    expect((await client(t.app, null).get('/api/tasks')).statusCode).toBe(401);
  });
});
