import type { Transaction } from 'kysely';
import { areaAbilities, requireArea, requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import type { AreaGeometry, PlaceGeometry } from '../../../shared/geo.ts';
import { PLACE_KINDS, ZONE_KINDS } from '../../../shared/housing-areas.ts';
import { auditAreaChange } from './audit.ts';
import { presentArea } from './present.ts';
import { lockArea } from './queries.ts';
import * as q from './queries-parts-writes.ts';
import {
  areaGeometry,
  liesWithin,
  placeGeometry,
  refusePersonalReferences,
  requireShape,
} from './rules.ts';
import type { Area, CreatePart, UpdatePart } from './schema.ts';

/**
 * An area's zones (or environments) and specific places (issue 16 part 1): added, changed and
 * archived by those who `edit` the area. A zone lies inside the area; a place inside its zone,
 * or the area when it has none; a zone's new shape still holds its places. Each change answers
 * the whole area (the map redraws from it).
 */

/**
 * At most this many live zones and places per area: each change of the area's outline checks
 * every one of them for containment, in the request.
 */
export const MAX_LIVE_PARTS = 500;

function kindFits(level: 'zone' | 'place', kind: string): boolean {
  return level === 'zone'
    ? (ZONE_KINDS as readonly string[]).includes(kind)
    : (PLACE_KINDS as readonly string[]).includes(kind);
}

/** The area (locked) when the caller may edit it, with its shape. */
async function editableArea(trx: Transaction<DB>, ctx: RequestContext, areaId: string) {
  const access = await requireArea(trx, ctx.user, areaId);
  requireAreaRight(areaAbilities(access, ctx.user).edit);
  const area = await lockArea(trx, access.municipalityCode, areaId);
  if (!area) throw new AppError('not_found');
  return { access, shape: area.geometry as AreaGeometry };
}

interface Placed {
  level: 'zone' | 'place';
  kind: string;
  zoneId: string | null;
  geometry: unknown;
}

/**
 * Checks the part's kind, shape and containment; answers the stored geometry. `zoneId` must be a
 * live zone of this area (a field problem otherwise: an id from the request is checked).
 */
async function placedShape(
  trx: Transaction<DB>,
  code: string,
  areaId: string,
  areaShape: AreaGeometry,
  part: Placed,
): Promise<AreaGeometry | PlaceGeometry> {
  if (!kindFits(part.level, part.kind)) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.kind', code: 'area_part_kind' }],
    });
  }
  if (part.level === 'zone') {
    if (part.zoneId !== null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.zoneId', code: 'area_zone_in_zone' }],
      });
    }
    const shape = areaGeometry(part.geometry);
    requireShape(liesWithin(shape, areaShape), 'area_zone_outside');
    return shape;
  }
  const shape = placeGeometry(part.geometry);
  if (part.zoneId === null) {
    requireShape(liesWithin(shape, areaShape), 'area_place_outside_area');
    return shape;
  }
  const zone = await q.partRow(trx, code, areaId, part.zoneId);
  if (!zone || zone.level !== 'zone' || zone.archived_at !== null) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.zoneId', code: 'area_zone_unknown' }],
    });
  }
  requireShape(liesWithin(shape, zone.geometry as AreaGeometry), 'area_place_outside_zone');
  return shape;
}

export async function addPart(
  ctx: RequestContext,
  areaId: string,
  body: CreatePart,
): Promise<{ created: boolean; area: Area }> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, shape } = await editableArea(trx, ctx, areaId);
    const code = access.municipalityCode;
    if (await q.partRow(trx, code, areaId, body.id)) {
      return { created: false, area: await presentArea(trx, ctx.user, access) };
    }
    if (await q.partIdTaken(trx, body.id)) throw new AppError('duplicate');
    refusePersonalReferences({
      name: body.name,
      description: body.description,
      localActors: body.localActors,
    });
    const geometry = await placedShape(trx, code, areaId, shape, body);
    if ((await q.livePartCount(trx, code, areaId)) >= MAX_LIVE_PARTS) {
      throw new AppError('validation_failed', {
        fields: [
          { field: 'params.id', code: 'area_too_many_parts', params: { max: MAX_LIVE_PARTS } },
        ],
      });
    }
    await q.insertPart(trx, {
      id: body.id,
      municipality_code: code,
      area_id: areaId,
      zone_id: body.zoneId,
      level: body.level,
      kind: body.kind,
      name: body.name,
      description: body.description,
      local_actors: body.localActors,
      geometry: JSON.stringify(geometry),
      created_by: ctx.user.id,
    });
    await auditAreaChange(trx, ctx, code, {
      action: 'create',
      resourceType: 'housing_area_part',
      resourceId: body.id,
      details: { areaId, level: body.level, kind: body.kind },
    });
    return { created: true, area: await presentArea(trx, ctx.user, access) };
  });
}

/** Changes a zone or place (only what is sent), or archives it (`archive`). */
export async function changePart(
  ctx: RequestContext,
  areaId: string,
  partId: string,
  body: UpdatePart | { version: number; archive: true },
): Promise<Area> {
  return ctx.db.transaction().execute(async (trx) => {
    const { access, shape } = await editableArea(trx, ctx, areaId);
    const code = access.municipalityCode;
    const current = await q.partRow(trx, code, areaId, partId);
    if (!current) throw new AppError('not_found');
    // An archived part stays as it was (its area's map history); it is not changed nor archived
    // again. (Parts of an archived area are refused earlier: the area grants no `edit`.)
    if (current.archived_at !== null) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'params.partId', code: 'area_part_archived' }],
      });
    }
    requireVersion(current.version, body.version);
    const change: q.PartChange = {};
    if ('archive' in body) {
      // A zone holding live places stays: archiving it would leave them pointing at an archived
      // zone (later edits refused, the area's outline no longer holding them).
      if (current.level === 'zone') {
        const held = (await q.partRows(trx, code, areaId)).some(
          (p) => p.zone_id === partId && p.archived_at === null,
        );
        if (held) {
          throw new AppError('validation_failed', {
            fields: [{ field: 'params.partId', code: 'area_zone_has_places' }],
          });
        }
      }
      change.archived_at = new Date();
    } else {
      refusePersonalReferences({
        name: body.name,
        description: body.description,
        localActors: body.localActors,
      });
      const next: Placed = {
        level: current.level,
        kind: body.kind ?? current.kind,
        zoneId: body.zoneId === undefined ? current.zone_id : body.zoneId,
        geometry: body.geometry ?? current.geometry,
      };
      const geometry = await placedShape(trx, code, areaId, shape, next);
      if (current.level === 'zone' && body.geometry !== undefined) {
        const places = (await q.partRows(trx, code, areaId)).filter(
          (p) => p.zone_id === partId && p.archived_at === null,
        );
        requireShape(
          places.every((p) => liesWithin(p.geometry as PlaceGeometry, geometry as AreaGeometry)),
          'area_zone_loses_places',
        );
      }
      if (body.geometry !== undefined) change.geometry = JSON.stringify(geometry);
      if (body.kind !== undefined) change.kind = body.kind;
      if (body.zoneId !== undefined) change.zone_id = body.zoneId;
      if (body.name !== undefined) change.name = body.name;
      if (body.description !== undefined) change.description = body.description;
      if (body.localActors !== undefined) change.local_actors = body.localActors;
    }
    if (!(await q.updatePartAtVersion(trx, code, areaId, partId, body.version, change))) {
      throw staleVersion(current.version);
    }
    await auditAreaChange(trx, ctx, code, {
      action: 'update',
      resourceType: 'housing_area_part',
      resourceId: partId,
      details: { areaId, fields: Object.keys(change).sort().join(',') },
    });
    return presentArea(trx, ctx.user, access);
  });
}
