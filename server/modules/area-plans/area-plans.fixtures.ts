import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { createForum } from '../../test/records.ts';
import { linkPartnerUser } from '../../test/partner-links.ts';

/**
 * A housing area for the area plan's tests, written straight into the database (the areas
 * module's routes are another slice): its team forum, a zone, and a systematised mapping round
 * that found a positive connector.
 */
const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [12.5, 55.6],
      [12.6, 55.6],
      [12.6, 55.7],
      [12.5, 55.7],
      [12.5, 55.6],
    ],
  ],
};

export interface TestArea {
  id: string;
  teamForumId: string;
  zoneId: string;
  connectorId: string;
}

export async function createTestArea(
  db: Kysely<DB>,
  options: { createdBy: string; team: string[]; name?: string; municipalityCode?: string },
): Promise<TestArea> {
  const code = options.municipalityCode ?? '101';
  const forum = await createForum(db, { municipalityCode: code, members: options.team });
  await db.updateTable('forums').set({ kind: 'housing_area' }).where('id', '=', forum.id).execute();
  const id = randomUUID();
  await db
    .insertInto('housing_areas')
    .values({
      id,
      municipality_code: code,
      name: options.name ?? `Område ${id.slice(0, 8)}`,
      geometry: JSON.stringify(SQUARE),
      team_forum_id: forum.id,
      cadence: 'quarterly',
      created_by: options.createdBy,
    })
    .execute();
  const zoneId = randomUUID();
  await db
    .insertInto('housing_area_parts')
    .values({
      id: zoneId,
      area_id: id,
      level: 'zone',
      kind: 'zone',
      name: 'Gården ved blok 4',
      geometry: JSON.stringify(SQUARE),
      created_by: options.createdBy,
    })
    .execute();
  const roundId = randomUUID();
  await db
    .insertInto('area_rounds')
    .values({
      id: roundId,
      area_id: id,
      number: 1,
      status: 'systematised',
      due_on: '2026-09-01',
      opened_by: options.createdBy,
    })
    .execute();
  const connectorId = randomUUID();
  await db
    .insertInto('area_round_contributions')
    .values({
      id: connectorId,
      round_id: roundId,
      contributor_id: options.createdBy,
      stance: 'resource',
      category: 'positive_connector',
      label: 'Træneren i bokseklubben',
      how_to_reach: 'via klubbens formand',
    })
    .execute();
  return { id, teamForumId: forum.id, zoneId, connectorId };
}

export async function grantPartner(
  db: Kysely<DB>,
  areaId: string,
  userId: string,
  grantedBy: string,
): Promise<void> {
  await linkPartnerUser(db, userId);
  await db
    .insertInto('housing_area_partners')
    .values({ area_id: areaId, user_id: userId, granted_by: grantedBy, sees_overview: true })
    .execute();
}
