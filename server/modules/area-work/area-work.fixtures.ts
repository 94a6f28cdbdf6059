import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { linkPartnerUser } from '../../test/partner-links.ts';

/** A small square in Copenhagen (WGS84), enough for an area's shape in tests. */
export const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [12.55, 55.68],
      [12.56, 55.68],
      [12.56, 55.69],
      [12.55, 55.69],
      [12.55, 55.68],
    ],
  ],
};

/** A housing area of municipality 101 with its team forum, for the area-work tests. */
export async function createArea(
  db: Kysely<DB>,
  options: { createdBy: string; teamForumId: string | null; name?: string; municipality?: string },
) {
  const id = randomUUID();
  await db
    .insertInto('housing_areas')
    .values({
      id,
      municipality_code: options.municipality ?? '101',
      name: options.name ?? `Testområde ${id.slice(0, 8)}`,
      geometry: JSON.stringify(SQUARE),
      team_forum_id: options.teamForumId,
      created_by: options.createdBy,
    })
    .execute();
  return id;
}

/** Grants a user the area as a partner. */
export async function grantPartner(
  db: Kysely<DB>,
  areaId: string,
  userId: string,
  grantedBy: string,
  mayContribute: boolean,
) {
  await linkPartnerUser(db, userId);
  await db
    .insertInto('housing_area_partners')
    .values({
      area_id: areaId,
      user_id: userId,
      municipality_code: '101',
      may_contribute: mayContribute,
      granted_by: grantedBy,
    })
    .execute();
}

/**
 * A mapping round with one positive connector; the connector's id. Systematised unless `open`
 * (only a systematised round's connectors may be named: an open round's can still change).
 */
export async function createConnector(
  db: Kysely<DB>,
  areaId: string,
  userId: string,
  { open = false, number = 1 }: { open?: boolean; number?: number } = {},
) {
  const roundId = randomUUID();
  await db
    .insertInto('area_rounds')
    .values({
      id: roundId,
      municipality_code: '101',
      area_id: areaId,
      number,
      due_on: '2026-10-01',
      opened_by: userId,
      status: open ? 'open' : 'systematised',
    })
    .execute();
  const id = randomUUID();
  await db
    .insertInto('area_round_contributions')
    .values({
      id,
      municipality_code: '101',
      round_id: roundId,
      contributor_id: userId,
      stance: 'resource',
      category: 'positive_connector',
      label: 'Træneren i bokseklubben',
    })
    .execute();
  return id;
}
