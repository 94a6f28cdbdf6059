import type { Kysely } from 'kysely';
import { areaAbilities, type AreaAccess } from '../../access/area-access.ts';
import type { CurrentUser } from '../../access/sessions.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { AreaCadence } from '../../../shared/housing-areas.ts';
import { areaRow } from './queries.ts';
import { partRows, type PartRow } from './queries-parts-writes.ts';
import { partnerRows } from './queries-partners.ts';
import type { Area, AreaPart } from './schema.ts';

/**
 * One area as answered to the caller: with its parts, its team forum's name, the partners (for
 * managers only) and the caller's abilities. An `aggregate` caller gets the name and abilities
 * only: never a description, the local actors, a shape or a part.
 */
function iso(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

export function presentPart(row: PartRow): AreaPart {
  return {
    id: row.id,
    level: row.level,
    kind: row.kind,
    zoneId: row.zone_id,
    name: row.name,
    description: row.description,
    localActors: row.local_actors,
    geometry: row.geometry as AreaPart['geometry'],
    archivedAt: iso(row.archived_at),
    version: row.version,
  };
}

export async function presentArea(
  db: Kysely<DB>,
  user: CurrentUser,
  access: AreaAccess,
): Promise<Area> {
  const row = await areaRow(db, access.municipalityCode, access.areaId);
  if (!row) throw new AppError('not_found');
  const abilities = areaAbilities(
    { ...access, archived: row.archived_at !== null, version: row.version },
    user,
  );
  const full = abilities.readMap;
  const manager = access.standing === 'manager';
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    name: row.name,
    description: full ? row.description : null,
    localActors: full ? row.local_actors : null,
    cadence: row.cadence as AreaCadence | null,
    geometry: full ? (row.geometry as NonNullable<Area['geometry']>) : null,
    teamForum:
      full && row.team_forum_id && row.team_forum_name
        ? { id: row.team_forum_id, name: row.team_forum_name }
        : null,
    archivedAt: iso(row.archived_at),
    version: row.version,
    standing: access.standing,
    abilities,
    parts: full
      ? (await partRows(db, access.municipalityCode, access.areaId)).map(presentPart)
      : [],
    partners: manager ? await partnerRows(db, access.municipalityCode, access.areaId) : null,
  };
}
