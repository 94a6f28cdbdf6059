import type { Kysely } from 'kysely';
import { requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import { areaPartsOf } from '../housing-areas/queries-parts.ts';
import { connectorsOf } from '../area-rounds/queries-connectors.ts';
import { auditAreaPlanChange, planAccess, type AreaPlanAccess } from './area-work.ts';
import { checkAnalysis } from './content.ts';
import {
  analysesOf,
  analysisById,
  analysisIdTaken,
  insertAnalysis,
  lockAreaRow,
  teamUsers,
  updateAnalysisAtVersion,
  type AnalysisRow,
} from './queries-analyses.ts';
import {
  AnalysisContentSchema,
  type Analysis,
  type AnalysisContent,
  type CreateAnalysisBody,
  type UpdateAnalysisBody,
} from './schema.ts';
import type { z } from 'zod';

/**
 * The area analysis (phase 2): versions newest first; a new version is a copy of the newest;
 * only the newest is edited (`area_analysis_not_latest` for an earlier one), with optimistic
 * locking. Writers: the area's team and the managers (`writePlan`) while the area is open.
 */

const EMPTY: AnalysisContent = AnalysisContentSchema.parse({});

function toAnalysis(row: AnalysisRow, latest: boolean, canWrite: boolean): Analysis {
  const content = AnalysisContentSchema.parse(row.content ?? {});
  return {
    ...content,
    id: row.id,
    number: row.number,
    basedOnId: row.based_on_id,
    latest,
    updatedBy: { id: row.updated_by, name: row.updated_by_name },
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
    abilities: { edit: latest && canWrite },
  };
}

/** The zones, connectors and team an analysis or a plan may name. */
export async function planOptions(db: Kysely<DB>, { access }: AreaPlanAccess) {
  const [parts, connectors, team] = await Promise.all([
    areaPartsOf(db, access.municipalityCode, access.areaId),
    connectorsOf(db, access.municipalityCode, access.areaId),
    teamUsers(db, access.teamForumId),
  ]);
  return {
    zones: parts
      .filter((p) => p.level === 'zone' && !p.archived)
      .map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    connectors,
    team,
  };
}

export async function listAnalyses(ctx: RequestContext, areaId: string) {
  const pa = await planAccess(ctx, ctx.db, areaId);
  const rows = await analysesOf(ctx.db, pa.access.municipalityCode, areaId);
  return {
    abilities: { create: pa.abilities.writePlan },
    options: await planOptions(ctx.db, pa),
    items: rows.map((r, i) => toAnalysis(r, i === 0, pa.abilities.writePlan)),
  };
}

/** A new version (a copy of the newest) with the client's id; the same id again answers it. */
export async function createAnalysis(
  ctx: RequestContext,
  areaId: string,
  body: z.infer<typeof CreateAnalysisBody>,
): Promise<{ created: boolean; analysis: Analysis }> {
  return ctx.db.transaction().execute(async (trx) => {
    const pa = await planAccess(ctx, trx, areaId);
    const code = pa.access.municipalityCode;
    const existing = await analysisById(trx, code, areaId, body.id);
    if (existing) {
      const newest = (await analysesOf(trx, code, areaId))[0];
      const latest = newest?.id === existing.id;
      return { created: false, analysis: toAnalysis(existing, latest, pa.abilities.writePlan) };
    }
    requireAreaRight(pa.abilities.writePlan);
    if (await analysisIdTaken(trx, body.id)) throw new AppError('duplicate');
    await lockAreaRow(trx, code, areaId);
    const newest = (await analysesOf(trx, code, areaId))[0];
    const number = (newest?.number ?? 0) + 1;
    const content = newest ? AnalysisContentSchema.parse(newest.content ?? {}) : EMPTY;
    await insertAnalysis(trx, {
      id: body.id,
      municipality_code: code,
      area_id: areaId,
      number,
      based_on_id: newest?.id ?? null,
      content: JSON.stringify(content),
      created_by: ctx.user.id,
    });
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'create',
      resourceType: 'area_analysis',
      resourceId: body.id,
      details: { number, basedOnId: newest?.id ?? null },
    });
    const row = await analysisById(trx, code, areaId, body.id);
    if (!row) throw new AppError('internal');
    return { created: true, analysis: toAnalysis(row, true, true) };
  });
}

/** Saves the newest version's content (optimistic locking); earlier versions never change. */
export async function updateAnalysis(
  ctx: RequestContext,
  areaId: string,
  analysisId: string,
  body: z.infer<typeof UpdateAnalysisBody>,
): Promise<Analysis> {
  return ctx.db.transaction().execute(async (trx) => {
    const pa = await planAccess(ctx, trx, areaId);
    requireAreaRight(pa.abilities.writePlan);
    const code = pa.access.municipalityCode;
    await lockAreaRow(trx, code, areaId);
    const row = await analysisById(trx, code, areaId, analysisId);
    if (!row) throw new AppError('not_found');
    const newest = (await analysesOf(trx, code, areaId))[0];
    if (newest?.id !== row.id) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'analysis.version', code: 'area_analysis_not_latest' }],
      });
    }
    if (row.version !== body.version) throw staleVersion(row.version);
    const { version, ...input } = body;
    const content = AnalysisContentSchema.parse(input);
    await checkAnalysis(trx, pa.access, content);
    const saved = await updateAnalysisAtVersion(
      trx,
      code,
      row.id,
      version,
      JSON.stringify({
        ...content,
        zoneIds: [...new Set(content.zoneIds)],
        connectorIds: [...new Set(content.connectorIds)],
        areaSigns: [...new Set(content.areaSigns)],
        groupSigns: [...new Set(content.groupSigns)],
      }),
      ctx.user.id,
    );
    if (!saved) throw staleVersion(row.version);
    await auditAreaPlanChange(trx, ctx, pa.access, {
      action: 'update',
      resourceType: 'area_analysis',
      resourceId: row.id,
      details: { number: row.number, groups: content.groups.length },
    });
    const after = await analysisById(trx, code, areaId, row.id);
    if (!after) throw new AppError('internal');
    return toAnalysis(after, true, true);
  });
}
