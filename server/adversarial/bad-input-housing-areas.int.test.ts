import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { BadInputRun, badInputTests, printCounts, type Fixture } from '../test/bad-input-run.ts';
import { client } from '../test/records.ts';
import { createUser, login } from '../test/users.ts';

/**
 * Generated bad input for the housing areas, their zones and places and their partners (issue 16
 * part 1), sent by a coordinator of the municipality (who manages its areas).
 */
let t: TestApp;
let run: BadInputRun;
const areaId = randomUUID();
const zoneId = randomUUID();
const placeId = randomUUID();
let partnerId = '';

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

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const coordinator = await createUser(db, { roles: ['coordinator'] });
  partnerId = (await createUser(db, { roles: ['caseworker'] })).id;
  const session = await login(t.app, coordinator);
  const as = client(t.app, session);
  const steps = [
    await as.post('/api/housing-areas', { id: areaId, name: 'Prøvevang', geometry: AREA }),
    await as.post(`/api/housing-areas/${areaId}/parts`, {
      id: zoneId,
      level: 'zone',
      kind: 'zone',
      name: 'Gården',
      geometry: ZONE,
    }),
    await as.post(`/api/housing-areas/${areaId}/parts`, {
      id: placeId,
      level: 'place',
      kind: 'hangout',
      zoneId,
      name: 'Kælderen',
      geometry: POINT,
    }),
    await as.post(`/api/housing-areas/${areaId}/partners`, { userId: partnerId }),
  ];
  for (const res of steps) if (res.statusCode >= 300) throw new Error(`setup: ${res.body}`);
  run = new BadInputRun(t, session);
});
afterAll(async () => {
  printCounts(run.report(`housing areas (${testEngine})`));
  await t.close();
});

const versionOf = async (table: 'housing_areas' | 'housing_area_parts', id: string) =>
  (await t.database.db.selectFrom(table).select('version').where('id', '=', id).executeTakeFirst())
    ?.version ?? 1;
const partnerVersion = async () =>
  (
    await t.database.db
      .selectFrom('housing_area_partners')
      .select('version')
      .where('area_id', '=', areaId)
      .where('user_id', '=', partnerId)
      .executeTakeFirst()
  )?.version ?? 1;

/** In this order: revoking and archiving go last. */
const fixtures: Record<string, () => Fixture> = {
  'POST /api/housing-areas': () => ({
    body: () => ({ id: randomUUID(), name: `Vang ${randomUUID().slice(0, 6)}`, geometry: AREA }),
  }),
  'PATCH /api/housing-areas/{id}': () => ({
    params: { id: areaId },
    body: async () => ({
      version: await versionOf('housing_areas', areaId),
      description: 'Almen boligafdeling.',
    }),
  }),
  'POST /api/housing-areas/{id}/parts': () => ({
    params: { id: areaId },
    body: () => ({
      id: randomUUID(),
      level: 'place',
      kind: 'shop',
      zoneId,
      name: 'Kiosken',
      geometry: POINT,
    }),
  }),
  'PATCH /api/housing-areas/{id}/parts/{partId}': () => ({
    params: { id: areaId, partId: placeId },
    body: async () => ({
      version: await versionOf('housing_area_parts', placeId),
      name: 'Kælderen i blok 4',
    }),
  }),
  'POST /api/housing-areas/{id}/partners': () => ({
    params: { id: areaId },
    body: () => ({ userId: partnerId }),
  }),
  'PATCH /api/housing-areas/{id}/partners/{userId}': () => ({
    params: { id: areaId, userId: partnerId },
    body: async () => ({
      version: await partnerVersion(),
      mayContribute: true,
      seesOverview: true,
    }),
  }),
  'POST /api/housing-areas/{id}/partners/{userId}/revoke': () => ({
    params: { id: areaId, userId: partnerId },
    body: async () => ({ version: await partnerVersion() }),
  }),
  'POST /api/housing-areas/{id}/parts/{partId}/archive': () => ({
    params: { id: areaId, partId: placeId },
    body: async () => ({ version: await versionOf('housing_area_parts', placeId) }),
  }),
  'POST /api/housing-areas/{id}/archive': () => ({
    params: { id: areaId },
    body: async () => ({ version: await versionOf('housing_areas', areaId) }),
  }),
};

describe(`generated bad input: housing areas (${testEngine})`, () => {
  badInputTests({ group: 'housing-areas', fixtures, perRoute: 16, context: () => ({ t, run }) });
});
