import { randomUUID } from 'node:crypto';
import { createTestArea, type TestArea } from '../modules/area-plans/area-plans.fixtures.ts';
import type { IdProbe, ProbeWorld } from './record-ids.ts';

/**
 * Record ids in the area analysis's and the area action plan's requests (issue 16 part 4): an
 * area of another municipality in the path, a version, a goal, a zone, a connector or a user of
 * another area named in the path or the body, and client ids that are another area's records.
 * The caller is a coordinator of 101 on the team of an area of their own; the hidden records
 * belong to an area of 147 (written straight into the tables: only their ids matter).
 */
const BASE = '/api/housing-areas/{id}';
const ANALYSES = `${BASE}/analyses`;
const PLANS = `${BASE}/action-plans`;
const PLAN = `${PLANS}/{planId}`;
const FOLLOW_UP = `${PLAN}/goals/{goalKey}/follow-ups`;

interface Planned extends TestArea {
  analysisId: string;
  planId: string;
  goalKey: string;
  followUpId: string;
}

/** An area with an analysis and a plan (approved, its goal followed up once). */
async function planned(x: ProbeWorld, own: boolean): Promise<Planned> {
  const db = x.t.database.db;
  const userId = (own ? x.members.coordinator : x.other.user).caller.userId!;
  const area = await createTestArea(db, {
    createdBy: userId,
    team: [userId],
    ...(!own && { municipalityCode: '147' }),
  });
  const analysisId = randomUUID();
  await db
    .insertInto('area_analyses')
    .values({
      id: analysisId,
      area_id: area.id,
      number: 1,
      based_on_id: null,
      content: JSON.stringify({}),
      created_by: userId,
      updated_by: userId,
    })
    .execute();
  const planId = randomUUID();
  const goalKey = randomUUID();
  await db
    .insertInto('area_action_plans')
    .values({
      id: planId,
      area_id: area.id,
      number: 1,
      based_on_id: null,
      status: 'approved',
      reflection: JSON.stringify({}),
      goals: JSON.stringify([
        {
          key: goalKey,
          title: 'Mål',
          description: null,
          responsibleUserId: null,
          responsibleRole: 'Boligselskabet',
          dueOn: '2027-06-30',
          reviewOn: null,
          connectorIds: [],
        },
      ]),
      created_by: userId,
      updated_by: userId,
      approved_by: userId,
      approved_at: new Date(),
    })
    .execute();
  const followUpId = randomUUID();
  await db
    .insertInto('area_plan_goal_follow_ups')
    .values({
      id: followUpId,
      area_id: area.id,
      plan_id: planId,
      goal_key: goalKey,
      status: 'in_progress',
      note: null,
      recorded_on: '2026-12-01',
      next_review_on: null,
      recorded_by: userId,
    })
    .execute();
  return { ...area, analysisId, planId, goalKey, followUpId };
}

const url = (path: string, ids: Record<string, string>) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? '');

const ANALYSIS_BODY = (a: Planned, over: Record<string, unknown> = {}) => ({
  version: 1,
  groups: [],
  zoneIds: [a.zoneId],
  environments: null,
  connectorIds: [a.connectorId],
  areaSigns: [],
  groupSigns: [],
  summary: null,
  ...over,
});

const GOAL = (a: Planned, over: Record<string, unknown> = {}) => ({
  key: randomUUID(),
  title: 'Mål',
  description: null,
  responsible: { role: 'Boligselskabet' },
  dueOn: '2027-06-30',
  reviewOn: null,
  connectorIds: [a.connectorId],
  ...over,
});

/**
 * One probe: `route` is "METHOD path", `field` the probed field; `build` gives the request on
 * the caller's own area (with `id` where the field is) and the hidden id of the other area.
 * `draft` makes the own area's plan a draft (the routes that change one).
 */
function probe(
  route: string,
  field: string,
  build: (
    own: Planned,
    theirs: Planned,
    x: ProbeWorld,
  ) => {
    url: (id: string) => string;
    body?: (id: string) => Record<string, unknown>;
    hidden: string;
  },
  extra: Partial<IdProbe> & { draft?: boolean } = {},
): IdProbe {
  const { draft, ...rest } = extra;
  const [method] = route.split(' ') as ['GET' | 'POST' | 'PUT'];
  return {
    key: `${route} ${field}`,
    setup: async (x) => {
      const own = await planned(x, true);
      const theirs = await planned(x, false);
      if (draft) {
        await x.t.database.db
          .updateTable('area_action_plans')
          .set({ status: 'draft', approved_by: null, approved_at: null })
          .where('id', '=', own.planId)
          .execute();
      }
      const made = build(own, theirs, x);
      return {
        hidden: made.hidden,
        request: {
          caller: x.members.coordinator.caller,
          method,
          url: made.url,
          ...(made.body && { body: made.body }),
        },
      };
    },
    ...rest,
  };
}

/** The area in the path: another municipality's area answers as an unused id. */
function areaProbe(route: string, body?: (own: Planned) => Record<string, unknown>): IdProbe {
  const [, path] = route.split(' ') as [string, string];
  return probe(
    route,
    'path.id',
    (own, theirs) => ({
      hidden: theirs.id,
      url: (id) =>
        url(path, { id, analysisId: own.analysisId, planId: own.planId, goalKey: own.goalKey }),
      ...(body && { body: () => body(own) }),
    }),
    { draft: true },
  );
}

/** A client id of a new record: another area's record answers as the caller's own other one. */
function clientIdProbe(
  route: string,
  path: string,
  twin: (x: ProbeWorld) => Promise<string>,
  body: (own: Planned, id: string) => Record<string, unknown>,
): IdProbe {
  return {
    ...probe(route, 'body.id', (own, theirs) => ({
      hidden: route.includes('follow-ups')
        ? theirs.followUpId
        : route.includes('analyses')
          ? theirs.analysisId
          : theirs.planId,
      url: () => url(path, { id: own.id, planId: own.planId, goalKey: own.goalKey }),
      body: (id) => body(own, id),
    })),
    visibleTwin: twin,
  };
}

const PUT_ANALYSIS = `PUT ${ANALYSES}/{analysisId}`;
const PUT_PLAN = `PUT ${PLAN}`;
const planBody = (own: Planned, goal: Record<string, unknown>) => ({
  version: 1,
  reflection: { first: null, efforts: null, responsibility: null, connectors: null },
  goals: [GOAL(own, goal)],
});

export const AREA_PLAN_PROBES: IdProbe[] = [
  areaProbe(`GET ${ANALYSES}`),
  areaProbe(`POST ${ANALYSES}`, () => ({ id: randomUUID() })),
  areaProbe(PUT_ANALYSIS, (own) => ANALYSIS_BODY(own)),
  areaProbe(`GET ${PLANS}`),
  areaProbe(`POST ${PLANS}`, () => ({ id: randomUUID() })),
  areaProbe(`GET ${PLANS}/figures`),
  areaProbe(PUT_PLAN, (own) => planBody(own, {})),
  areaProbe(`POST ${PLAN}/submit`, () => ({ version: 1 })),
  areaProbe(`POST ${PLAN}/approve`, () => ({ version: 1 })),
  areaProbe(`POST ${PLAN}/send-back`, () => ({ version: 1, comment: 'Mere konkret' })),
  areaProbe(`POST ${FOLLOW_UP}`, () => ({
    id: randomUUID(),
    status: 'achieved',
    note: null,
    recordedOn: '2026-12-01',
    nextReviewOn: null,
  })),
  probe(PUT_ANALYSIS, 'path.analysisId', (own, theirs) => ({
    hidden: theirs.analysisId,
    url: (id) => url(`${ANALYSES}/{analysisId}`, { id: own.id, analysisId: id }),
    body: () => ANALYSIS_BODY(own),
  })),
  probe(PUT_ANALYSIS, 'body.zoneIds.*', (own, theirs) => ({
    hidden: theirs.zoneId,
    url: () => url(`${ANALYSES}/{analysisId}`, { id: own.id, analysisId: own.analysisId }),
    body: (id) => ANALYSIS_BODY(own, { zoneIds: [id] }),
  })),
  probe(PUT_ANALYSIS, 'body.connectorIds.*', (own, theirs) => ({
    hidden: theirs.connectorId,
    url: () => url(`${ANALYSES}/{analysisId}`, { id: own.id, analysisId: own.analysisId }),
    body: (id) => ANALYSIS_BODY(own, { connectorIds: [id] }),
  })),
  ...(['submit', 'approve', 'send-back'] as const).map((step) =>
    probe(
      `POST ${PLAN}/${step}`,
      'path.planId',
      (own, theirs) => ({
        hidden: theirs.planId,
        url: (id) => url(`${PLAN}/${step}`, { id: own.id, planId: id }),
        body: () =>
          step === 'send-back' ? { version: 1, comment: 'Mere konkret' } : { version: 1 },
      }),
      { draft: true },
    ),
  ),
  probe(
    PUT_PLAN,
    'path.planId',
    (own, theirs) => ({
      hidden: theirs.planId,
      url: (id) => url(PLAN, { id: own.id, planId: id }),
      body: () => planBody(own, {}),
    }),
    { draft: true },
  ),
  probe(
    PUT_PLAN,
    'body.goals.*.connectorIds.*',
    (own, theirs) => ({
      hidden: theirs.connectorId,
      url: () => url(PLAN, { id: own.id, planId: own.planId }),
      body: (id) => planBody(own, { connectorIds: [id] }),
    }),
    { draft: true },
  ),
  probe(
    PUT_PLAN,
    'body.goals.*.responsible.userId',
    (own, _theirs, x) => ({
      hidden: x.other.user.caller.userId!,
      url: () => url(PLAN, { id: own.id, planId: own.planId }),
      body: (id) => planBody(own, { responsible: { userId: id } }),
    }),
    { draft: true },
  ),
  probe(`POST ${FOLLOW_UP}`, 'path.planId', (own, theirs) => ({
    hidden: theirs.planId,
    url: (id) => url(FOLLOW_UP, { id: own.id, planId: id, goalKey: own.goalKey }),
    body: () => ({
      id: randomUUID(),
      status: 'achieved',
      note: null,
      recordedOn: '2026-12-01',
      nextReviewOn: null,
    }),
  })),
  probe(`POST ${FOLLOW_UP}`, 'path.goalKey', (own, theirs) => ({
    hidden: theirs.goalKey,
    url: (id) => url(FOLLOW_UP, { id: own.id, planId: own.planId, goalKey: id }),
    body: () => ({
      id: randomUUID(),
      status: 'achieved',
      note: null,
      recordedOn: '2026-12-01',
      nextReviewOn: null,
    }),
  })),
  clientIdProbe(
    `POST ${ANALYSES}`,
    ANALYSES,
    async (x) => (await planned(x, true)).analysisId,
    (_own, id) => ({ id }),
  ),
  clientIdProbe(
    `POST ${PLANS}`,
    PLANS,
    async (x) => (await planned(x, true)).planId,
    (_own, id) => ({ id }),
  ),
  clientIdProbe(
    `POST ${FOLLOW_UP}`,
    FOLLOW_UP,
    async (x) => (await planned(x, true)).followUpId,
    (_own, id) => ({
      id,
      status: 'achieved',
      note: null,
      recordedOn: '2026-12-01',
      nextReviewOn: null,
    }),
  ),
];
