import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../test/app.ts';
import { testEngine } from '../test/database.ts';
import { createPoliceContact } from '../test/records.ts';
import { linkPartnerUser } from '../test/partner-links.ts';
import { createUser, type TestUser } from '../test/users.ts';
import type { Role } from './roles.ts';
import type { CurrentUser } from './sessions.ts';
import { areaAbilities, areaAccess, visibleAreas } from './area-access.ts';

/**
 * The standings in a housing area (issue 16), decided in area-access.ts alone: the forum
 * managers, the members of its team forum (police staff of the district included), partners
 * granted it (revoked: nothing), leaders, analysts and the steering group (figures only), and
 * nobody else — a colleague not on the team, another municipality's coordinator, a police
 * contact of another district sitting in the team forum.
 */
let t: TestApp;
const areaId = randomUUID();
const archivedId = randomUUID();
const users: Record<string, CurrentUser> = {};

function current(
  user: TestUser,
  roles: Role[],
  municipalityCode: string | null,
  district: number | null = null,
): CurrentUser {
  return {
    id: user.id,
    username: user.username,
    displayName: user.username,
    roles,
    municipalityCode,
    policeDistrictId: district,
    unitIds: [],
    totpEnabled: true,
  };
}

const SQUARE = JSON.stringify({
  type: 'Polygon',
  coordinates: [
    [
      [12.5, 55.7],
      [12.52, 55.7],
      [12.52, 55.72],
      [12.5, 55.72],
      [12.5, 55.7],
    ],
  ],
});

beforeAll(async () => {
  t = await startTestApp();
  const db = t.database.db;
  const add = async (name: string, roles: Role[], code: string | null = '101') => {
    users[name] = current(await createUser(db, { roles, municipalityCode: code }), roles, code);
  };
  await add('coordinator', ['coordinator']);
  await add('admin', ['municipal_admin']);
  await add('team', ['caseworker']);
  await add('outsider', ['caseworker']);
  await add('leader', ['leader']);
  await add('analyst', ['analyst']);
  await add('steering', ['forum_member']);
  await add('otherCoordinator', ['coordinator'], '147');
  await add('partner', ['partner']);
  await add('revoked', ['partner']);
  users.police = current(await createPoliceContact(db, 11), ['police_contact'], null, 11);
  users.otherPolice = current(await createPoliceContact(db, 10), ['police_contact'], null, 10);
  const forum = async (kind: string, members: string[]) => {
    const { id } = await db
      .insertInto('forums')
      .values({
        name: `${kind} ${randomUUID().slice(0, 6)}`,
        kind,
        municipality_code: '101',
        created_at: new Date(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const name of members) {
      await db
        .insertInto('forum_members')
        .values({ forum_id: id, user_id: users[name]?.id ?? '', added_at: new Date() })
        .execute();
    }
    return id;
  };
  const team = await forum('housing_area', ['team', 'police', 'otherPolice']);
  await forum('steering_group', ['steering']);
  const coordinator = users.coordinator?.id ?? '';
  for (const [id, archived] of [
    [areaId, null],
    [archivedId, new Date()],
  ] as const) {
    await db
      .insertInto('housing_areas')
      .values({
        id,
        municipality_code: '101',
        name: `Område ${id.slice(0, 6)}`,
        geometry: SQUARE,
        team_forum_id: team,
        created_by: coordinator,
        created_at: new Date(),
        updated_at: new Date(),
        archived_at: archived,
      })
      .execute();
  }
  for (const [name, revoked] of [
    ['partner', null],
    ['revoked', new Date()],
  ] as const) {
    await linkPartnerUser(db, users[name]?.id ?? '');
    await db
      .insertInto('housing_area_partners')
      .values({
        area_id: areaId,
        user_id: users[name]?.id ?? '',
        municipality_code: '101',
        may_contribute: true,
        sees_overview: false,
        granted_by: coordinator,
        granted_at: new Date(),
        revoked_at: revoked,
      })
      .execute();
  }
});
afterAll(() => t.close());

const standing = async (name: string, id = areaId) => {
  const user = users[name];
  if (!user) throw new Error(name);
  return (await areaAccess(t.database.db, user, id))?.standing ?? null;
};

describe(`housing-area standings (${testEngine})`, () => {
  it.each([
    ['coordinator', 'manager'],
    ['admin', 'manager'],
    ['team', 'team'],
    ['police', 'team'],
    ['partner', 'partner'],
    ['leader', 'aggregate'],
    ['analyst', 'aggregate'],
    ['steering', 'aggregate'],
    ['outsider', null],
    ['otherCoordinator', null],
    ['otherPolice', null],
    ['revoked', null],
  ])('%s has the standing %s', async (name, expected) => {
    expect(await standing(name)).toBe(expected);
  });

  it('lists for each caller only the areas they have a standing in', async () => {
    const ids = async (name: string) =>
      (await visibleAreas(t.database.db, users[name] as CurrentUser)).map((a) => a.areaId).sort();
    expect(await ids('coordinator')).toEqual([areaId, archivedId].sort());
    expect(await ids('partner')).toEqual([areaId]);
    expect(await ids('outsider')).toEqual([]);
    expect(await ids('otherCoordinator')).toEqual([]);
  });

  it('gives abilities by standing: figures only for aggregates, an archived area read-only', async () => {
    const abilities = async (name: string, id = areaId) => {
      const user = users[name] as CurrentUser;
      const access = await areaAccess(t.database.db, user, id);
      if (!access) throw new Error(name);
      return areaAbilities(access, user);
    };
    expect(await abilities('leader')).toMatchObject({
      readMap: false,
      edit: false,
      readAggregates: true,
    });
    expect(await abilities('partner')).toMatchObject({
      readMap: true,
      contribute: true,
      readOverview: false,
      edit: false,
    });
    expect(await abilities('team')).toMatchObject({
      edit: true,
      manage: false,
      readContributions: true,
    });
    expect(await abilities('coordinator')).toMatchObject({
      edit: true,
      manage: true,
      approvePlan: true,
    });
    expect(await abilities('coordinator', archivedId)).toMatchObject({
      edit: false,
      manage: false,
      readMap: true,
    });
  });
});
