import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../access/roles.ts';
import { startTestApp, type TestApp } from '../../test/app.ts';
import { callsByName, countOf } from '../../test/records.ts';
import { createUser, login, type LoggedIn, type TestUser } from '../../test/users.ts';

/**
 * Housing areas through the real app (issue 16 part 1): the users of each standing in
 * municipality 101's areas, and shapes near a fictional spot (longitude 12.50–12.52, latitude
 * 55.70–55.72).
 */
export let t: TestApp;
export const users: Record<string, TestUser> = {};
export const as: Record<string, LoggedIn> = {};
export const call = callsByName(() => t.app, as);
export const id = (name: string) => users[name]?.id ?? '';
export let teamForumId = '';
export let otherTeamForumId = '';

const ring = (w: number, s: number, e: number, n: number) => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
export const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon',
  coordinates: [ring(w, s, e, n)],
});
export const AREA = square(12.5, 55.7, 12.52, 55.72);
export const ZONE = square(12.505, 55.705, 12.51, 55.71);
export const POINT_IN_ZONE = { type: 'Point', coordinates: [12.507, 55.707] };
export const POINT_OUTSIDE_ZONE = { type: 'Point', coordinates: [12.515, 55.715] };
export const ZONE_OUTSIDE = square(12.53, 55.705, 12.54, 55.71);
export const BOWTIE = {
  type: 'Polygon',
  coordinates: [
    [
      [12.5, 55.7],
      [12.52, 55.72],
      [12.52, 55.7],
      [12.5, 55.72],
      [12.5, 55.7],
    ],
  ],
};
export const SWAPPED = {
  type: 'Polygon',
  coordinates: [ring(12.5, 55.7, 12.52, 55.72).map(([lon, lat]) => [lat, lon])],
};

export async function state() {
  const count = (query: string) => countOf(t.database.db, query);
  return {
    areas: await count('select count(*)::int as n from housing_areas'),
    parts: await count('select count(*)::int as n from housing_area_parts'),
    partners: await count('select count(*)::int as n from housing_area_partners'),
    versions: await count('select coalesce(sum(version), 0)::int as n from housing_areas'),
    audit: await count(
      `select count(*)::int as n from audit_log where resource_type like 'housing_area%'`,
    ),
  };
}

async function addUser(name: string, roles: Role[], municipalityCode: string | null = '101') {
  users[name] = await createUser(t.database.db, { roles, municipalityCode });
  return users[name];
}

async function forum(name: string, kind: string, municipalityCode = '101') {
  const row = await t.database.db
    .insertInto('forums')
    .values({ name, kind, municipality_code: municipalityCode, created_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function member(forumId: string, name: string) {
  await t.database.db
    .insertInto('forum_members')
    .values({ forum_id: forumId, user_id: id(name), added_at: new Date() })
    .execute();
}

export function useAreaFixtures() {
  beforeAll(async () => {
    for (const name of Object.keys(users)) delete users[name];
    for (const name of Object.keys(as)) delete as[name];
    t = await startTestApp();
    const db = t.database.db;
    await addUser('coordinator', ['coordinator']);
    await addUser('team', ['caseworker']);
    await addUser('outsider', ['caseworker']);
    await addUser('steering', ['forum_member']);
    await addUser('leader', ['leader']);
    await addUser('otherCoordinator', ['coordinator'], '147');
    await addUser('partner', ['partner']);
    await addUser('otherPartner', ['partner']);
    const orgId = randomUUID();
    await db
      .insertInto('partner_organisations')
      .values({
        id: orgId,
        municipality_code: '101',
        name: `Boligselskab ${orgId.slice(0, 6)}`,
        kind: 'other',
      })
      .execute();
    for (const name of ['partner', 'otherPartner']) {
      await db
        .insertInto('partner_users')
        .values({ user_id: id(name), municipality_code: '101', organisation_id: orgId })
        .execute();
    }
    teamForumId = await forum('Områdeteam Testvang', 'housing_area');
    otherTeamForumId = await forum('Områdeteam andetsteds', 'housing_area', '147');
    await member(teamForumId, 'team');
    await member(await forum('Styregruppe', 'steering_group'), 'steering');
    for (const name of Object.keys(users)) {
      const user = users[name];
      if (user) as[name] = await login(t.app, user);
    }
  });
  afterAll(() => t.close());
}
