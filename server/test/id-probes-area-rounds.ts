import { randomUUID } from 'node:crypto';
import { createArea } from '../modules/area-rounds/area-rounds.fixtures.ts';
import type { Operation } from './access-matrix.ts';
import type { IdProbe, ProbeWorld } from './record-ids.ts';

/**
 * Record ids in the mapping rounds' requests (issue 16 part 2, 0053–0054): another
 * municipality's area, round, contribution, zone or meeting named in the path or the body, and a
 * client id that is a round or contribution elsewhere. The caller is the coordinator of 101 (a
 * forum manager: every area of 101 is theirs, so the hidden records are municipality 147's).
 * Each probe makes fresh areas, so what one changes touches no other.
 */
const BASE = '/api/housing-areas/{areaId}/rounds';

interface Rounds {
  areaId: string;
  zoneId: string;
  roundId: string;
  contributionId: string;
  closedArea: string;
  closedRound: string;
  doneArea: string;
  doneRound: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Areas with an open, a closed and a systematised round, and a contribution, made by `userId`. */
async function roundsOf(x: ProbeWorld, userId: string, municipalityCode: string): Promise<Rounds> {
  const db = x.t.database.db;
  const made = () => createArea(db, { createdBy: userId, teamMembers: [], municipalityCode });
  const [open, closed, done] = [await made(), await made(), await made()];
  const round = (areaId: string, status: 'open' | 'closed' | 'systematised') => ({
    id: randomUUID(),
    municipality_code: municipalityCode,
    area_id: areaId,
    number: 1,
    status,
    due_on: today(),
    opened_by: userId,
  });
  const rows = [round(open.id, 'open'), round(closed.id, 'closed'), round(done.id, 'systematised')];
  await db.insertInto('area_rounds').values(rows).execute();
  const [r0, r1, r2] = rows.map((r) => r.id) as [string, string, string];
  const contributionId = randomUUID();
  await db
    .insertInto('area_round_contributions')
    .values({
      id: contributionId,
      municipality_code: municipalityCode,
      round_id: r0,
      contributor_id: userId,
      stance: 'challenge',
      category: 'place',
      label: 'Kælderen',
    })
    .execute();
  await db
    .insertInto('area_round_overviews')
    .values({
      round_id: r2,
      municipality_code: municipalityCode,
      items: '[]',
      created_by: userId,
      updated_by: userId,
    })
    .execute();
  return {
    areaId: open.id,
    zoneId: open.zoneId,
    roundId: r0,
    contributionId,
    closedArea: closed.id,
    closedRound: r1,
    doneArea: done.id,
    doneRound: r2,
  };
}

const mine = (x: ProbeWorld) => roundsOf(x, x.members.coordinator.caller.userId ?? '', '101');
const theirs = (x: ProbeWorld) => roundsOf(x, x.other.user.caller.userId ?? '', '147');

const item = (partId: string | null) => ({
  key: 'place|area|kælderen',
  partId,
  category: 'place',
  stance: 'challenge',
  sign: null,
  label: 'Kælderen',
  description: null,
  howToReach: null,
  sameAs: null,
});
const contribution = (partId: string | null) => ({
  partId,
  stance: 'challenge',
  category: 'place',
  sign: null,
  label: 'Kælderen',
  description: null,
  howToReach: null,
});

/** One operation's valid request on `r` (the caller's own rounds), its path and body. */
type Route = {
  method: Operation['method'];
  path: string;
  url: (r: Rounds) => string;
  body?: (r: Rounds) => Record<string, unknown>;
};
const ROUTES: Route[] = [
  { method: 'GET', path: BASE, url: (r) => `/api/housing-areas/${r.areaId}/rounds` },
  {
    method: 'POST',
    path: BASE,
    url: (r) => `/api/housing-areas/${r.doneArea}/rounds`,
    body: () => ({ id: randomUUID(), heldOn: null, participants: null, meetingId: null }),
  },
  {
    method: 'GET',
    path: `${BASE}/{roundId}`,
    url: (r) => `/api/housing-areas/${r.areaId}/rounds/${r.roundId}`,
  },
  {
    method: 'PATCH',
    path: `${BASE}/{roundId}`,
    url: (r) => `/api/housing-areas/${r.areaId}/rounds/${r.roundId}`,
    body: () => ({ version: 1, heldOn: null, participants: null, meetingId: null }),
  },
  {
    method: 'POST',
    path: `${BASE}/{roundId}/close`,
    url: (r) => `/api/housing-areas/${r.areaId}/rounds/${r.roundId}/close`,
    body: () => ({ version: 1 }),
  },
  {
    method: 'POST',
    path: `${BASE}/{roundId}/contributions`,
    url: (r) => `/api/housing-areas/${r.areaId}/rounds/${r.roundId}/contributions`,
    body: (r) => ({ id: randomUUID(), ...contribution(r.zoneId) }),
  },
  {
    method: 'PUT',
    path: `${BASE}/{roundId}/contributions/{contributionId}`,
    url: (r) =>
      `/api/housing-areas/${r.areaId}/rounds/${r.roundId}/contributions/${r.contributionId}`,
    body: (r) => ({ version: 1, ...contribution(r.zoneId) }),
  },
  {
    method: 'DELETE',
    path: `${BASE}/{roundId}/contributions/{contributionId}`,
    url: (r) =>
      `/api/housing-areas/${r.areaId}/rounds/${r.roundId}/contributions/${r.contributionId}?version=1`,
  },
  {
    method: 'GET',
    path: `${BASE}/{roundId}/overview`,
    url: (r) => `/api/housing-areas/${r.doneArea}/rounds/${r.doneRound}/overview`,
  },
  {
    method: 'POST',
    path: `${BASE}/{roundId}/overview`,
    url: (r) => `/api/housing-areas/${r.closedArea}/rounds/${r.closedRound}/overview`,
    body: () => ({ version: 1, items: [item(null)] }),
  },
  {
    method: 'PUT',
    path: `${BASE}/{roundId}/overview`,
    url: (r) => `/api/housing-areas/${r.doneArea}/rounds/${r.doneRound}/overview`,
    body: () => ({ version: 1, items: [item(null)] }),
  },
];

/** The area or round of a route's path: which of `Rounds` it is. */
const pathIds = (route: Route, r: Rounds) => {
  const url = route.url(r);
  const areaId = [r.areaId, r.closedArea, r.doneArea].find((id) => url.includes(id)) ?? '';
  const roundId = [r.roundId, r.closedRound, r.doneRound].find((id) => url.includes(id)) ?? '';
  return { areaId, roundId, contributionId: r.contributionId };
};

/** A probe of a path parameter: the caller's own request with another municipality's id in it. */
function pathProbe(route: Route, param: 'areaId' | 'roundId' | 'contributionId'): IdProbe {
  return {
    key: `${route.method} ${route.path} path.${param}`,
    setup: async (x) => {
      const r = await mine(x);
      const hidden = pathIds(route, await theirs(x))[param];
      const own = pathIds(route, r)[param];
      return {
        hidden,
        request: {
          caller: x.members.coordinator.caller,
          method: route.method,
          url: (id) => route.url(r).replace(own, id),
          ...(route.body && { body: () => route.body?.(r) }),
        },
      };
    },
  };
}

/** A probe of a body field: the caller's own request with another municipality's record in it. */
function bodyProbe(
  route: Route,
  field: string,
  put: (body: Record<string, unknown>, id: string) => Record<string, unknown>,
  hidden: (x: ProbeWorld, r: Rounds) => Promise<string>,
  visibleTwin?: (x: ProbeWorld) => Promise<string>,
): IdProbe {
  return {
    key: `${route.method} ${route.path} ${field}`,
    setup: async (x) => {
      const r = await mine(x);
      const body = route.body?.(r) ?? {};
      return {
        hidden: await hidden(x, r),
        request: {
          caller: x.members.coordinator.caller,
          method: route.method,
          url: () => route.url(r),
          body: (id) => put(body, id),
        },
      };
    },
    ...(visibleTwin && { visibleTwin }),
  };
}

/** A meeting of municipality 147's forum (another municipality's, so never the area's). */
async function foreignMeeting(x: ProbeWorld): Promise<string> {
  const id = randomUUID();
  const starts = new Date(Date.now() + 86_400_000);
  await x.t.database.db
    .insertInto('meetings')
    .values({
      id,
      forum_id: x.other.forumId,
      meeting_type: 'forum',
      starts_at: starts,
      ends_at: new Date(starts.getTime() + 3_600_000),
      created_by: x.other.user.caller.userId ?? '',
      created_at: new Date(),
      updated_at: new Date(),
    })
    .execute();
  return id;
}

const route = (method: string, path: string) => {
  const found = ROUTES.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`no route ${method} ${path}`);
  return found;
};
const START = route('POST', BASE);
const PATCH = route('PATCH', `${BASE}/{roundId}`);
const ADD = route('POST', `${BASE}/{roundId}/contributions`);
const EDIT = route('PUT', `${BASE}/{roundId}/contributions/{contributionId}`);

export const AREA_ROUND_PROBES: IdProbe[] = [
  ...ROUTES.map((r) => pathProbe(r, 'areaId')),
  ...ROUTES.filter((r) => r.path.includes('{roundId}')).map((r) => pathProbe(r, 'roundId')),
  ...ROUTES.filter((r) => r.path.includes('{contributionId}')).map((r) =>
    pathProbe(r, 'contributionId'),
  ),
  bodyProbe(
    START,
    'body.id',
    (b, id) => ({ ...b, id }),
    async (x) => (await theirs(x)).roundId,
    async (x) => (await mine(x)).roundId,
  ),
  bodyProbe(START, 'body.meetingId', (b, id) => ({ ...b, meetingId: id }), foreignMeeting),
  bodyProbe(PATCH, 'body.meetingId', (b, id) => ({ ...b, meetingId: id }), foreignMeeting),
  bodyProbe(
    ADD,
    'body.id',
    (b, id) => ({ ...b, id }),
    async (x) => (await theirs(x)).contributionId,
    async (x) => (await mine(x)).contributionId,
  ),
  bodyProbe(
    ADD,
    'body.partId',
    (b, id) => ({ ...b, partId: id }),
    async (x) => (await theirs(x)).zoneId,
  ),
  bodyProbe(
    EDIT,
    'body.partId',
    (b, id) => ({ ...b, partId: id }),
    async (x) => (await theirs(x)).zoneId,
  ),
  ...(['POST', 'PUT'] as const).map((method) =>
    bodyProbe(
      route(method, `${BASE}/{roundId}/overview`),
      'body.items.*.partId',
      (b, id) => ({ ...b, items: [item(id)] }),
      async (x) => (await theirs(x)).zoneId,
    ),
  ),
];
