import type { Transaction } from 'kysely';
import {
  requireArea,
  requireAreaRight,
  areaAbilities,
  visibleAreas,
} from '../../access/area-access.ts';
import { requireMunicipalUser } from '../../access/municipal-user.ts';
import type { RequestContext } from '../../platform/context.ts';
import { decodeSortCursor, encodeSortCursor } from '../../platform/cursor.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, requireVersion, staleVersion } from '../../platform/errors.ts';
import { z } from 'zod';
import { auditAreaChange } from './audit.ts';
import { presentArea } from './present.ts';
import * as q from './queries.ts';
import { partRows } from './queries-parts-writes.ts';
import { areaGeometry, liesWithin, refusePersonalReferences, requireShape } from './rules.ts';
import type { Area, AreaListQueryT, CreateArea, UpdateArea } from './schema.ts';
import type { AreaCadence } from '../../../shared/housing-areas.ts';

/**
 * Housing areas (issue 16 part 1): recorded by the municipality's forum managers, read by those
 * with a standing in them (server/access/area-access.ts; anyone else 404), changed by the area's
 * team and managers (optimistic locking), archived by managers. Each change is one transaction
 * with its audit entry.
 */

/** The caller's own municipality: 403 for a user of none (the access module decides). */
function municipalityOf(ctx: RequestContext): string {
  return requireMunicipalUser(ctx.user);
}

async function checkName(
  trx: Transaction<DB>,
  code: string,
  name: string,
  exceptId: string | null,
) {
  await q.lockAreaNames(trx, code);
  if (await q.areaNameTaken(trx, code, name, exceptId)) {
    throw new AppError('duplicate', { fields: [{ field: 'body.name', code: 'area_name_taken' }] });
  }
}

async function checkTeamForum(trx: Transaction<DB>, code: string, forumId: string | null) {
  if (forumId === null) return;
  if (!(await q.teamForumOf(trx, code, forumId))) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'body.teamForumId', code: 'area_team_forum_invalid' }],
    });
  }
}

/** Records a new area with the client's id; the same id again answers that area (200). */
export async function createArea(
  ctx: RequestContext,
  body: CreateArea,
): Promise<{ created: boolean; area: Area }> {
  const code = municipalityOf(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await q.areaRow(trx, code, body.id);
    if (existing) {
      return {
        created: false,
        area: await presentArea(trx, ctx.user, await requireArea(trx, ctx.user, body.id)),
      };
    }
    if (await q.areaIdTaken(trx, body.id)) throw new AppError('duplicate');
    const geometry = areaGeometry(body.geometry);
    refusePersonalReferences({
      name: body.name,
      description: body.description,
      localActors: body.localActors,
    });
    await checkTeamForum(trx, code, body.teamForumId);
    await checkName(trx, code, body.name, null);
    await q.insertArea(trx, {
      id: body.id,
      municipality_code: code,
      name: body.name,
      description: body.description,
      local_actors: body.localActors,
      geometry: JSON.stringify(geometry),
      team_forum_id: body.teamForumId,
      cadence: body.cadence,
      created_by: ctx.user.id,
    });
    await auditAreaChange(trx, ctx, code, {
      action: 'create',
      resourceType: 'housing_area',
      resourceId: body.id,
      details: { teamForumId: body.teamForumId, cadence: body.cadence },
    });
    return {
      created: true,
      area: await presentArea(trx, ctx.user, await requireArea(trx, ctx.user, body.id)),
    };
  });
}

export async function getArea(ctx: RequestContext, id: string): Promise<Area> {
  const access = await requireArea(ctx.db, ctx.user, id);
  return presentArea(ctx.db, ctx.user, access);
}

/** The areas the caller has a standing in, by (name, id), with a keyset cursor. */
export async function listAreas(ctx: RequestContext, query: AreaListQueryT) {
  const visible = await visibleAreas(ctx.db, ctx.user);
  const byId = new Map(visible.map((a) => [a.areaId, a]));
  const after = decodeSortCursor(query.after, 'name', z.string().min(1).max(120));
  const rows = await q.listAreaRows(ctx.db, [...byId.keys()], {
    q: query.q,
    status: query.status,
    cadence: query.cadence,
    after: after ? { name: after.k, id: after.id } : null,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.flatMap((row) => {
      const access = byId.get(row.id);
      if (!access) return [];
      return [
        {
          id: row.id,
          name: row.name,
          cadence: access.standing === 'aggregate' ? null : (row.cadence as AreaCadence | null),
          archived: row.archived_at !== null,
          standing: access.standing,
          abilities: areaAbilities(access, ctx.user),
        },
      ];
    }),
    next: rows.length > query.limit && last ? encodeSortCursor('name', last.name, last.id) : null,
  };
}

/**
 * Changes an area (only what is sent): its texts, cadence and shape need `edit`; its team forum
 * needs `manage`. A new shape must still hold every live zone and place.
 */
export async function updateArea(ctx: RequestContext, id: string, body: UpdateArea): Promise<Area> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await requireArea(trx, ctx.user, id);
    const abilities = areaAbilities(access, ctx.user);
    requireAreaRight(abilities.edit);
    if (body.teamForumId !== undefined) requireAreaRight(abilities.manage);
    const code = access.municipalityCode;
    const current = await q.lockArea(trx, code, id);
    if (!current) throw new AppError('not_found');
    requireVersion(current.version, body.version);
    refusePersonalReferences({
      name: body.name,
      description: body.description,
      localActors: body.localActors,
    });
    const change: q.AreaChange = {};
    if (body.geometry !== undefined) {
      const geometry = areaGeometry(body.geometry);
      // Every live zone and place, a place in a zone too (one whose zone was archived before
      // archiving a zone with places was refused is held by nothing else).
      const live = (await partRows(trx, code, id)).filter((p) => p.archived_at === null);
      requireShape(
        live.every((p) => liesWithin(p.geometry as never, geometry)),
        'area_shape_loses_parts',
      );
      change.geometry = JSON.stringify(geometry);
    }
    if (body.name !== undefined && body.name !== current.name) {
      await checkName(trx, code, body.name, id);
      change.name = body.name;
    }
    if (body.description !== undefined) change.description = body.description;
    if (body.localActors !== undefined) change.local_actors = body.localActors;
    if (body.cadence !== undefined) change.cadence = body.cadence;
    if (body.teamForumId !== undefined) {
      await checkTeamForum(trx, code, body.teamForumId);
      change.team_forum_id = body.teamForumId;
    }
    if (!(await q.updateAreaAtVersion(trx, code, id, body.version, change))) {
      throw staleVersion(current.version);
    }
    await auditAreaChange(trx, ctx, code, {
      action: 'update',
      resourceType: 'housing_area',
      resourceId: id,
      details: { fields: Object.keys(change).sort().join(',') },
    });
    return presentArea(trx, ctx.user, await requireArea(trx, ctx.user, id));
  });
}

/** Archives the area (managers): it stays readable, and nothing more is added to it. */
export async function archiveArea(ctx: RequestContext, id: string, version: number): Promise<Area> {
  return ctx.db.transaction().execute(async (trx) => {
    const access = await requireArea(trx, ctx.user, id);
    requireAreaRight(areaAbilities(access, ctx.user).manage);
    const current = await q.lockArea(trx, access.municipalityCode, id);
    if (!current) throw new AppError('not_found');
    requireVersion(current.version, version);
    const done = await q.updateAreaAtVersion(trx, access.municipalityCode, id, version, {
      archived_at: new Date(),
    });
    if (!done) throw staleVersion(current.version);
    await auditAreaChange(trx, ctx, access.municipalityCode, {
      action: 'update',
      resourceType: 'housing_area',
      resourceId: id,
      details: { archived: true },
    });
    return presentArea(trx, ctx.user, await requireArea(trx, ctx.user, id));
  });
}

/** The municipality's forums of kind housing_area, to pick an area's team (managers). */
export async function teamForumChoices(ctx: RequestContext) {
  return { items: await q.teamForums(ctx.db, municipalityOf(ctx)) };
}
