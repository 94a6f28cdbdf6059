import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { createForum } from '../../test/records.ts';
import { linkPartnerUser } from '../../test/partner-links.ts';

/**
 * Test data for mapping rounds: a housing area written straight to the database (the areas
 * module's routes are another slice's), its team forum, a zone, and partner grants.
 */
export const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [12.5, 55.6],
      [12.51, 55.6],
      [12.51, 55.61],
      [12.5, 55.61],
      [12.5, 55.6],
    ],
  ],
};

export async function createArea(
  db: Kysely<DB>,
  options: {
    createdBy: string;
    teamMembers: string[];
    cadence?: 'quarterly' | 'half_yearly' | null;
    name?: string;
    municipalityCode?: string;
  },
) {
  const municipalityCode = options.municipalityCode ?? '101';
  const forum = await createForum(db, { municipalityCode, members: options.teamMembers });
  await db.updateTable('forums').set({ kind: 'housing_area' }).where('id', '=', forum.id).execute();
  const id = randomUUID();
  await db
    .insertInto('housing_areas')
    .values({
      id,
      municipality_code: municipalityCode,
      name: options.name ?? `Testområde ${id.slice(0, 8)}`,
      geometry: JSON.stringify(SQUARE),
      team_forum_id: forum.id,
      cadence: options.cadence === undefined ? 'quarterly' : options.cadence,
      created_by: options.createdBy,
    })
    .execute();
  const zoneId = randomUUID();
  await db
    .insertInto('housing_area_parts')
    .values({
      id: zoneId,
      municipality_code: municipalityCode,
      area_id: id,
      level: 'zone',
      kind: 'zone',
      name: 'Blok 1-4',
      geometry: JSON.stringify(SQUARE),
      created_by: options.createdBy,
    })
    .execute();
  return { id, forumId: forum.id, zoneId };
}

export async function grantPartner(
  db: Kysely<DB>,
  areaId: string,
  userId: string,
  grantedBy: string,
  seesOverview = false,
) {
  await linkPartnerUser(db, userId);
  await db
    .insertInto('housing_area_partners')
    .values({
      area_id: areaId,
      user_id: userId,
      municipality_code: '101',
      may_contribute: true,
      sees_overview: seesOverview,
      granted_by: grantedBy,
    })
    .execute();
}
