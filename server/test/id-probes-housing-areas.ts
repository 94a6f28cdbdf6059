import { randomUUID } from 'node:crypto';
import type { Operation } from './access-matrix.ts';
import type { IdProbe, ProbeWorld } from './record-ids.ts';
import { ok, type Staff } from './write-world.ts';

/**
 * Record ids in the housing areas' requests (issue 16 part 1): an area, a zone or place, a
 * partner, a team forum of another municipality (147), named in the path or the body by a
 * coordinator of 101 — who manages every area of 101 — must answer as an unused random id.
 */
const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});
const AREA = square(12.5, 55.7, 12.52, 55.72);
const ZONE = square(12.505, 55.705, 12.51, 55.71);
const POINT = { type: 'Point', coordinates: [12.507, 55.707] };

interface Made {
  areaId: string;
  zoneId: string;
  placeId: string;
}

/** An area of `by`'s municipality with a zone and a place in it (through the API). */
async function areaBy(by: Staff): Promise<Made> {
  const areaId = randomUUID();
  ok(
    await by.as.post('/api/housing-areas', {
      id: areaId,
      name: `Probe ${areaId.slice(0, 8)}`,
      geometry: AREA,
    }),
    'area',
  );
  const zoneId = randomUUID();
  const placeId = randomUUID();
  const parts = `/api/housing-areas/${areaId}/parts`;
  ok(
    await by.as.post(parts, {
      id: zoneId,
      level: 'zone',
      kind: 'zone',
      name: 'Zone',
      geometry: ZONE,
    }),
    'zone',
  );
  ok(
    await by.as.post(parts, {
      id: placeId,
      level: 'place',
      kind: 'hangout',
      zoneId,
      name: 'Sted',
      geometry: POINT,
    }),
    'place',
  );
  return { areaId, zoneId, placeId };
}

const own = (x: ProbeWorld) => areaBy(x.members.coordinator);
const theirs = (x: ProbeWorld) => areaBy(x.other.user);

/** The version of a record the caller's own request is based on (1: just made). */
const V = 1;

type Build = (
  x: ProbeWorld,
  mine: Made,
) => Promise<{ url: (id: string) => string; body?: (id: string) => Record<string, unknown> }>;

function probe(
  key: string,
  hidden: (x: ProbeWorld, mine: Made) => Promise<string>,
  build: Build,
): IdProbe {
  const [method] = key.split(' ') as [Operation['method']];
  return {
    key,
    setup: async (x) => {
      const mine = await own(x);
      const request = await build(x, mine);
      return {
        hidden: await hidden(x, mine),
        request: { caller: x.members.coordinator.caller, method, ...request },
      };
    },
  };
}

const theirArea = async (x: ProbeWorld) => (await theirs(x)).areaId;
const theirPlace = async (x: ProbeWorld) => (await theirs(x)).placeId;
const theirZone = async (x: ProbeWorld) => (await theirs(x)).zoneId;
const otherUser = async (x: ProbeWorld) => x.other.user.caller.userId ?? '';
const A = '/api/housing-areas';

/** Probes of the area's id in each path that names it. */
const pathProbes: IdProbe[] = (
  [
    ['GET /api/housing-areas/{id}', '', undefined],
    ['PATCH /api/housing-areas/{id}', '', () => ({ version: V, cadence: 'quarterly' })],
    ['POST /api/housing-areas/{id}/archive', '/archive', () => ({ version: V })],
    [
      'POST /api/housing-areas/{id}/parts',
      '/parts',
      () => ({ id: randomUUID(), level: 'zone', kind: 'zone', name: 'Ny zone', geometry: ZONE }),
    ],
    ['GET /api/housing-areas/{id}/partner-candidates', '/partner-candidates', undefined],
  ] as const
).map(([key, rest, body]) =>
  probe(`${key} path.id`, theirArea, async () => ({
    url: (id) => `${A}/${id}${rest}`,
    ...(body && { body: () => body() }),
  })),
);

export const HOUSING_AREA_PROBES: IdProbe[] = [
  ...pathProbes,
  probe('PATCH /api/housing-areas/{id}/parts/{partId} path.id', theirArea, async (_x, mine) => ({
    url: (id) => `${A}/${id}/parts/${mine.placeId}`,
    body: () => ({ version: V, name: 'Nyt navn' }),
  })),
  probe(
    'PATCH /api/housing-areas/{id}/parts/{partId} path.partId',
    theirPlace,
    async (_x, mine) => ({
      url: (id) => `${A}/${mine.areaId}/parts/${id}`,
      body: () => ({ version: V, name: 'Nyt navn' }),
    }),
  ),
  probe(
    'POST /api/housing-areas/{id}/parts/{partId}/archive path.id',
    theirArea,
    async (_x, mine) => ({
      url: (id) => `${A}/${id}/parts/${mine.placeId}/archive`,
      body: () => ({ version: V }),
    }),
  ),
  probe(
    'POST /api/housing-areas/{id}/parts/{partId}/archive path.partId',
    theirPlace,
    async (_x, mine) => ({
      url: (id) => `${A}/${mine.areaId}/parts/${id}/archive`,
      body: () => ({ version: V }),
    }),
  ),
  probe('POST /api/housing-areas/{id}/parts body.zoneId', theirZone, async (_x, mine) => ({
    url: () => `${A}/${mine.areaId}/parts`,
    body: (id) => ({
      id: randomUUID(),
      level: 'place',
      kind: 'shop',
      zoneId: id,
      name: 'Kiosken',
      geometry: POINT,
    }),
  })),
  {
    ...probe('POST /api/housing-areas/{id}/parts body.id', theirPlace, async (_x, mine) => ({
      url: () => `${A}/${mine.areaId}/parts`,
      body: (id) => ({ id, level: 'zone', kind: 'zone', name: 'Zone 2', geometry: ZONE }),
    })),
    visibleTwin: async (x) => (await own(x)).placeId,
  },
  probe(
    'PATCH /api/housing-areas/{id}/parts/{partId} body.zoneId',
    theirZone,
    async (_x, mine) => ({
      url: () => `${A}/${mine.areaId}/parts/${mine.placeId}`,
      body: (id) => ({ version: V, zoneId: id }),
    }),
  ),
  probe(
    'POST /api/housing-areas body.teamForumId',
    async (x) => x.other.forumId,
    async () => ({
      url: () => A,
      body: (id) => ({
        id: randomUUID(),
        name: `Ny ${randomUUID().slice(0, 8)}`,
        teamForumId: id,
        geometry: AREA,
      }),
    }),
  ),
  probe(
    'PATCH /api/housing-areas/{id} body.teamForumId',
    async (x) => x.other.forumId,
    async (_x, mine) => ({
      url: () => `${A}/${mine.areaId}`,
      body: (id) => ({ version: V, teamForumId: id }),
    }),
  ),
  probe('POST /api/housing-areas/{id}/partners path.id', theirArea, async (x) => ({
    url: (id) => `${A}/${id}/partners`,
    body: () => ({ userId: x.colleague.caller.userId }),
  })),
  probe('POST /api/housing-areas/{id}/partners body.userId', otherUser, async (_x, mine) => ({
    url: () => `${A}/${mine.areaId}/partners`,
    body: (id) => ({ userId: id }),
  })),
  probe('PATCH /api/housing-areas/{id}/partners/{userId} path.id', theirArea, async (x) => ({
    url: (id) => `${A}/${id}/partners/${x.colleague.caller.userId}`,
    body: () => ({ version: V, mayContribute: true, seesOverview: true }),
  })),
  probe(
    'PATCH /api/housing-areas/{id}/partners/{userId} path.userId',
    otherUser,
    async (_x, mine) => ({
      url: (id) => `${A}/${mine.areaId}/partners/${id}`,
      body: () => ({ version: V, mayContribute: true, seesOverview: true }),
    }),
  ),
  probe('POST /api/housing-areas/{id}/partners/{userId}/revoke path.id', theirArea, async (x) => ({
    url: (id) => `${A}/${id}/partners/${x.colleague.caller.userId}/revoke`,
    body: () => ({ version: V }),
  })),
  probe(
    'POST /api/housing-areas/{id}/partners/{userId}/revoke path.userId',
    otherUser,
    async (_x, mine) => ({
      url: (id) => `${A}/${mine.areaId}/partners/${id}/revoke`,
      body: () => ({ version: V }),
    }),
  ),
];
