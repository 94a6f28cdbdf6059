import { describe, expect, it } from 'vitest';
import { testEngine } from '../../test/database.ts';
import { auditRowsOf, client, displayNameOf } from '../../test/records.ts';
import { addDays } from '../follow-ups/schedule.ts';
import {
  t,
  member,
  removed,
  caseX,
  caseY,
  caseZ,
  ids,
  today,
  goalOverdue,
  GOAL_TEXT,
  type Task,
  type TaskList,
  caller,
  tasksOf,
  summary,
  useTasksFixtures,
} from './tasks.fixtures.ts';

useTasksFixtures();

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
        `inquiry_triage:${ids.inquiryOpen}`,
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
      [`inquiry_triage:${ids.inquiryOpen}`, `inquiry_deadline:${ids.inquiryAwaiting}`].sort(),
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
