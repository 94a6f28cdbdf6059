import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callerIn, logInAll } from '../../test/case-team.ts';
import { createUser } from '../../test/users.ts';
import { fieldsOf, type Client, type ErrorBody } from '../../test/records.ts';
import { createTestArea, grantPartner, type TestArea } from './area-plans.fixtures.ts';
import type { Analysis, AreaGoalInput, AreaPlan } from './schema.ts';

/**
 * The area analysis and the area action plan (issue 16 part 4): versions, content checked with
 * nothing stored on bad input (CPR, a goal without a responsible person, another area's ids),
 * four-eyes approval, an approved version immutable, goal follow-up with history, optimistic
 * locking, and need-to-know (partners and leaders get counts, never the texts).
 */
let t: TestApp;
let area: TestArea;
let other: TestArea;
const as: Record<string, Client> = {};
const caller = (name: string) => callerIn(as, name);
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const users = {
    coordA: await createUser(db, { roles: ['coordinator'] }),
    coordB: await createUser(db, { roles: ['coordinator'] }),
    coordC: await createUser(db, { roles: ['coordinator'] }),
    worker: await createUser(db, { roles: ['caseworker'] }),
    outsider: await createUser(db, { roles: ['caseworker'] }),
    leader: await createUser(db, { roles: ['leader'] }),
    partner: await createUser(db, { roles: ['partner'] }),
  };
  for (const [name, u] of Object.entries(users)) ids[name] = u.id;
  area = await createTestArea(db, {
    createdBy: users.coordA.id,
    team: [users.coordA.id, users.coordB.id, users.worker.id],
  });
  other = await createTestArea(db, { createdBy: users.coordA.id, team: [users.coordA.id] });
  await grantPartner(db, area.id, users.partner.id, users.coordA.id);
  await logInAll(t, users, as);
});
afterAll(() => t.close());

const url = (path: string, areaId = area.id) => `/api/housing-areas/${areaId}${path}`;
const goal = (over: Partial<AreaGoalInput> = {}): AreaGoalInput => ({
  key: randomUUID(),
  title: 'Flere unge i fritidsjob',
  description: null,
  responsible: { role: 'Boligsocial helhedsplan' },
  dueOn: '2027-06-30',
  reviewOn: '2027-03-01',
  connectorIds: [],
  ...over,
});
const REFLECTION = {
  first: 'Tryghed i gården',
  efforts: null,
  responsibility: null,
  connectors: null,
};

async function storedPlan(id: string) {
  return t.database.db
    .selectFrom('area_action_plans')
    .select(['goals', 'version', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

describe('the area analysis', () => {
  it('starts versions as copies, checks ids and CPR, and keeps earlier versions unchanged', async () => {
    const first = randomUUID();
    const created = await caller('worker').post(url('/analyses'), { id: first });
    expect(created.statusCode).toBe(201);
    expect((await caller('worker').post(url('/analyses'), { id: first })).statusCode).toBe(200);
    const content = {
      version: 1,
      groups: [{ key: randomUUID(), label: 'Unge 15–18 år ved kiosken', description: null }],
      zoneIds: [area.zoneId],
      environments: 'Kælderen i blok 4',
      connectorIds: [area.connectorId],
      areaSigns: ['vandalism_burglary'],
      groupSigns: [],
      summary: 'Utryghed om aftenen',
    };
    const cpr = await caller('worker').put(url(`/analyses/${first}`), {
      ...content,
      summary: 'Drengen 010203-1234 ses ofte',
    });
    expect(cpr.statusCode).toBe(400);
    expect(fieldsOf(cpr)).toEqual(['body.summary:area_plan_cpr']);
    const foreignZone = await caller('worker').put(url(`/analyses/${first}`), {
      ...content,
      zoneIds: [other.zoneId],
    });
    expect(foreignZone.statusCode).toBe(404);
    const foreignConnector = await caller('worker').put(url(`/analyses/${first}`), {
      ...content,
      connectorIds: [other.connectorId],
    });
    expect(foreignConnector.statusCode).toBe(404);
    const saved = await caller('worker').put(url(`/analyses/${first}`), content);
    expect(saved.statusCode).toBe(200);
    expect((saved.json() as Analysis).version).toBe(2);
    const stale = await caller('worker').put(url(`/analyses/${first}`), content);
    expect(stale.statusCode).toBe(409);

    const second = randomUUID();
    const copy = (await caller('coordA').post(url('/analyses'), { id: second })).json() as Analysis;
    expect(copy).toMatchObject({ number: 2, basedOnId: first, summary: 'Utryghed om aftenen' });
    const old = await caller('worker').put(url(`/analyses/${first}`), { ...content, version: 2 });
    expect(fieldsOf(old)).toEqual(['analysis.version:area_analysis_not_latest']);
    const list = (await caller('worker').get(url('/analyses'))).json() as {
      items: Analysis[];
      options: { connectors: { id: string }[] };
    };
    expect(list.items.map((a) => [a.number, a.abilities.edit])).toEqual([
      [2, true],
      [1, false],
    ]);
    expect(list.options.connectors.map((c) => c.id)).toEqual([area.connectorId]);
  });
});

describe('the area action plan', () => {
  const planId = randomUUID();
  const goals = [goal({ connectorIds: [] }), goal({ title: 'Trænerens åbne træning' })];

  it('refuses a goal without a responsible person and another area’s connector, storing nothing', async () => {
    expect((await caller('coordA').post(url('/action-plans'), { id: planId })).statusCode).toBe(
      201,
    );
    const noOne = await caller('coordA').put(url(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [goal({ responsible: null })],
    });
    expect(noOne.statusCode).toBe(400);
    expect(fieldsOf(noOne)).toEqual(['body.goals.0.responsible:area_plan_goal_responsible']);
    expect((noOne.json() as ErrorBody).error.fields?.[0]?.message).toBe(
      'Angiv en ansvarlig for målet: en person fra områdeteamet eller en rolle/organisation.',
    );
    const foreign = await caller('coordA').put(url(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [goal({ connectorIds: [other.connectorId] })],
    });
    expect(foreign.statusCode).toBe(404);
    const notTeam = await caller('coordA').put(url(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [goal({ responsible: { userId: ids.outsider } })],
    });
    expect(fieldsOf(notTeam)).toEqual(['body.goals.0.responsible:area_plan_responsible_not_team']);
    expect(await storedPlan(planId)).toMatchObject({ goals: [], version: 1 });
  });

  it('saves with locking, and four-eyes: the author cannot approve, another coordinator can', async () => {
    goals[1]!.connectorIds = [area.connectorId];
    goals[0]!.responsible = { userId: ids.worker };
    const body = { version: 1, reflection: REFLECTION, goals };
    const saved = await caller('coordA').put(url(`/action-plans/${planId}`), body);
    expect(saved.statusCode).toBe(200);
    expect((await caller('coordA').put(url(`/action-plans/${planId}`), body)).statusCode).toBe(409);
    const submitted = await caller('coordA').post(url(`/action-plans/${planId}/submit`), {
      version: 2,
    });
    expect((submitted.json() as AreaPlan).status).toBe('submitted');
    expect((submitted.json() as AreaPlan).abilities.approve).toBe(false);
    const own = await caller('coordA').post(url(`/action-plans/${planId}/approve`), { version: 3 });
    expect(fieldsOf(own)).toEqual(['plan.status:area_plan_four_eyes']);
    const byWorker = await caller('worker').post(url(`/action-plans/${planId}/approve`), {
      version: 3,
    });
    expect(byWorker.statusCode).toBe(403);
    const approved = await caller('coordB').post(url(`/action-plans/${planId}/approve`), {
      version: 3,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: ids.coordB } });
  });

  it('never changes an approved version; a new version is a copy; goals are followed up', async () => {
    const frozen = await caller('coordA').put(url(`/action-plans/${planId}`), {
      version: 4,
      reflection: REFLECTION,
      goals: [],
    });
    expect(fieldsOf(frozen)).toEqual(['plan.status:area_plan_not_editable']);
    const key = goals[1]!.key;
    const entry = {
      id: randomUUID(),
      status: 'in_progress',
      note: 'Træningen er startet',
      recordedOn: '2026-12-01',
      nextReviewOn: '2027-02-01',
    };
    const followed = await caller('worker').post(
      url(`/action-plans/${planId}/goals/${key}/follow-ups`),
      entry,
    );
    expect(followed.statusCode).toBe(200);
    const again = await caller('worker').post(
      url(`/action-plans/${planId}/goals/${key}/follow-ups`),
      entry,
    );
    const plan = again.json() as AreaPlan;
    expect(plan.goals[1]).toMatchObject({ status: 'in_progress' });
    expect(plan.goals[1]!.history).toHaveLength(1);
    const unknownGoal = await caller('worker').post(
      url(`/action-plans/${planId}/goals/${randomUUID()}/follow-ups`),
      { ...entry, id: randomUUID() },
    );
    expect(unknownGoal.statusCode).toBe(404);

    // A goal whose next review has come is a task for its responsible user.
    const day = (offset: number) =>
      new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const worked = await caller('worker').post(
      url(`/action-plans/${planId}/goals/${goals[0]!.key}/follow-ups`),
      {
        id: randomUUID(),
        status: 'in_progress',
        note: null,
        recordedOn: day(-10),
        nextReviewOn: day(-2),
      },
    );
    expect(worked.statusCode).toBe(200);
    const tasks = await caller('worker').get('/api/tasks?kind=area_goal_review');
    expect((tasks.json() as { items: unknown[] }).items).toEqual([
      expect.objectContaining({ id: goals[0]!.key, areaId: area.id, overdue: true }),
    ]);
    const noTask = await caller('coordB').get('/api/tasks?kind=area_goal_review');
    expect((noTask.json() as { items: unknown[] }).items).toEqual([]);

    const next = randomUUID();
    const copy = (
      await caller('worker').post(url('/action-plans'), { id: next })
    ).json() as AreaPlan;
    expect(copy).toMatchObject({ number: 2, status: 'draft', basedOnId: planId });
    expect(copy.goals.map((g) => g.key)).toEqual(goals.map((g) => g.key));
    expect(copy.goals[1]!.history).toHaveLength(1);
    expect(await storedPlan(planId)).toMatchObject({ status: 'approved', version: 4 });
  });

  it('shows partners and leaders no text, counts to everyone with a standing, 404 to others', async () => {
    for (const who of ['partner', 'leader']) {
      expect((await caller(who).get(url('/action-plans'))).statusCode).toBe(403);
      expect((await caller(who).get(url('/analyses'))).statusCode).toBe(403);
      const figures = await caller(who).get(url('/action-plans/figures'));
      expect(figures.statusCode).toBe(200);
      expect(figures.json()).toMatchObject({ total: 2, in_progress: 2, not_started: 0 });
    }
    expect(
      (await caller('partner').post(url('/action-plans'), { id: randomUUID() })).statusCode,
    ).toBe(403);
    expect((await caller('outsider').get(url('/action-plans'))).statusCode).toBe(404);
    expect((await caller('outsider').get(url('/action-plans/figures'))).statusCode).toBe(404);
    // A version of another area named under this one is not found.
    const foreignPlan = randomUUID();
    await caller('coordA').post(url('/action-plans', other.id), { id: foreignPlan });
    const cross = await caller('coordA').put(url(`/action-plans/${foreignPlan}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [],
    });
    expect(cross.statusCode).toBe(404);
  });
});

describe('four-eyes counts every author of a version', () => {
  let four: TestArea;
  beforeAll(async () => {
    four = await createTestArea(t.database.db, {
      createdBy: ids.coordA!,
      team: [ids.coordA!, ids.coordB!, ids.coordC!, ids.worker!],
    });
  });
  const at = (path: string) => url(path, four.id);
  const save = (who: string, planId: string, version: number, title: string) =>
    caller(who).put(at(`/action-plans/${planId}`), {
      version,
      reflection: REFLECTION,
      goals: [goal({ title })],
    });

  it('refuses an earlier saver after another saved and submitted, also after a send-back', async () => {
    const planId = randomUUID();
    // The worker creates, coordinator A writes the text, B saves once and submits.
    expect((await caller('worker').post(at('/action-plans'), { id: planId })).statusCode).toBe(201);
    expect((await save('coordA', planId, 1, 'A’s eget mål')).statusCode).toBe(200);
    expect((await save('coordB', planId, 2, 'A’s eget mål, rettet')).statusCode).toBe(200);
    const submitted = await caller('coordB').post(at(`/action-plans/${planId}/submit`), {
      version: 3,
    });
    expect((submitted.json() as AreaPlan).status).toBe('submitted');
    const seenByA = (await caller('coordA').get(at('/action-plans'))).json() as {
      items: AreaPlan[];
    };
    expect(seenByA.items[0]!.abilities).toMatchObject({ approve: false, sendBack: true });
    const byA = await caller('coordA').post(at(`/action-plans/${planId}/approve`), { version: 4 });
    expect(byA.statusCode).toBe(400);
    expect(fieldsOf(byA)).toEqual(['plan.status:area_plan_four_eyes']);
    expect(await storedPlan(planId)).toMatchObject({ status: 'submitted', version: 4 });

    // C sends it back; the worker saves and submits again: B (earlier saver and submitter) and
    // A are still authors although neither is the last saver nor the submitter now.
    const back = await caller('coordC').post(at(`/action-plans/${planId}/send-back`), {
      version: 4,
      comment: 'Gør målet mere konkret',
    });
    expect(back.statusCode).toBe(200);
    expect((await save('worker', planId, 5, 'Konkret mål')).statusCode).toBe(200);
    expect(
      (await caller('worker').post(at(`/action-plans/${planId}/submit`), { version: 6 }))
        .statusCode,
    ).toBe(200);
    for (const who of ['coordA', 'coordB']) {
      const refused = await caller(who).post(at(`/action-plans/${planId}/approve`), {
        version: 7,
      });
      expect(fieldsOf(refused), who).toEqual(['plan.status:area_plan_four_eyes']);
    }
    const seenByC = (await caller('coordC').get(at('/action-plans'))).json() as {
      items: AreaPlan[];
    };
    expect(seenByC.items[0]!.abilities.approve).toBe(true);
    const approved = await caller('coordC').post(at(`/action-plans/${planId}/approve`), {
      version: 7,
    });
    expect(approved.statusCode).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedBy: { id: ids.coordC } });
  });
});

describe('connectors come from systematised rounds and are kept with the goal', () => {
  it('refuses an open round’s connector and shows an approved goal’s connector as saved', async () => {
    const db = t.database.db;
    const place = await createTestArea(db, {
      createdBy: ids.coordA!,
      team: [ids.coordA!, ids.coordB!],
    });
    const at = (path: string) => url(path, place.id);
    const openRound = randomUUID();
    await db
      .insertInto('area_rounds')
      .values({
        id: openRound,
        area_id: place.id,
        number: 2,
        due_on: '2026-12-01',
        opened_by: ids.coordA!,
      })
      .execute();
    const fresh = randomUUID();
    await db
      .insertInto('area_round_contributions')
      .values({
        id: fresh,
        round_id: openRound,
        contributor_id: ids.coordA!,
        stance: 'resource',
        category: 'positive_connector',
        label: 'Ny frivillig i beboerhuset',
      })
      .execute();
    const list = (await caller('coordA').get(at('/action-plans'))).json() as {
      options: { connectors: { id: string }[] };
    };
    expect(list.options.connectors.map((c) => c.id)).toEqual([place.connectorId]);

    const planId = randomUUID();
    await caller('coordA').post(at('/action-plans'), { id: planId });
    const fromOpen = await caller('coordA').put(at(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [goal({ connectorIds: [fresh] })],
    });
    expect(fromOpen.statusCode).toBe(404);
    expect(await storedPlan(planId)).toMatchObject({ goals: [], version: 1 });

    const saved = await caller('coordA').put(at(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [goal({ connectorIds: [place.connectorId] })],
    });
    expect(saved.statusCode).toBe(200);
    await caller('coordA').post(at(`/action-plans/${planId}/submit`), { version: 2 });
    const approved = await caller('coordB').post(at(`/action-plans/${planId}/approve`), {
      version: 3,
    });
    expect(approved.statusCode).toBe(200);
    // Whatever later happens to the contribution, the approved goal names it as it was saved.
    await db
      .updateTable('area_round_contributions')
      .set({ label: 'Ændret senere' })
      .where('id', '=', place.connectorId)
      .execute();
    const plans = (await caller('coordB').get(at('/action-plans'))).json() as {
      items: AreaPlan[];
    };
    expect(plans.items[0]!.goals[0]!.connectors).toEqual([
      expect.objectContaining({
        id: place.connectorId,
        label: 'Træneren i bokseklubben',
        howToReach: 'via klubbens formand',
      }),
    ]);
  });
});

describe('no case or inquiry reference in the plans’ texts', () => {
  it('refuses H-2026-0012 in a goal, the analysis, a send-back comment and a follow-up note', async () => {
    const db = t.database.db;
    const place = await createTestArea(db, {
      createdBy: ids.coordA!,
      team: [ids.coordA!, ids.coordB!],
    });
    const at = (path: string) => url(path, place.id);
    const REF = 'Se henvendelse H-2026-0012';
    const planId = randomUUID();
    await caller('coordA').post(at('/action-plans'), { id: planId });
    const inGoal = await caller('coordA').put(at(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [goal({ description: REF })],
    });
    expect(inGoal.statusCode).toBe(400);
    expect(fieldsOf(inGoal)).toEqual(['body.goals.0.description:area_plan_cpr']);
    expect((inGoal.json() as ErrorBody).error.fields?.[0]?.message).toContain(
      'sags- eller henvendelsesnummer',
    );
    expect(await storedPlan(planId)).toMatchObject({ goals: [], version: 1 });

    const analysisId = randomUUID();
    await caller('coordA').post(at('/analyses'), { id: analysisId });
    const inAnalysis = await caller('coordA').put(at(`/analyses/${analysisId}`), {
      version: 1,
      summary: REF,
    });
    expect(fieldsOf(inAnalysis)).toEqual(['body.summary:area_plan_cpr']);

    const g = goal();
    await caller('coordA').put(at(`/action-plans/${planId}`), {
      version: 1,
      reflection: REFLECTION,
      goals: [g],
    });
    await caller('coordA').post(at(`/action-plans/${planId}/submit`), { version: 2 });
    const inComment = await caller('coordB').post(at(`/action-plans/${planId}/send-back`), {
      version: 3,
      comment: REF,
    });
    expect(fieldsOf(inComment)).toEqual(['body.comment:area_plan_cpr']);
    expect(await storedPlan(planId)).toMatchObject({ status: 'submitted', version: 3 });

    await caller('coordB').post(at(`/action-plans/${planId}/approve`), { version: 3 });
    const before = await db
      .selectFrom('area_plan_goal_follow_ups')
      .select('id')
      .where('plan_id', '=', planId)
      .execute();
    const inNote = await caller('coordA').post(
      at(`/action-plans/${planId}/goals/${g.key}/follow-ups`),
      {
        id: randomUUID(),
        status: 'in_progress',
        note: REF,
        recordedOn: '2026-12-01',
        nextReviewOn: null,
      },
    );
    expect(fieldsOf(inNote)).toEqual(['body.note:area_plan_cpr']);
    const after = await db
      .selectFrom('area_plan_goal_follow_ups')
      .select('id')
      .where('plan_id', '=', planId)
      .execute();
    expect(after).toEqual(before);
  });
});
