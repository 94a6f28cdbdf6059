import type { Transaction } from 'kysely';
import { requireCaseAbility } from '../../access/case-abilities.ts';
import type { CaseAccess } from '../../access/records.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import {
  inCaseTransaction,
  lockCase,
  recordCaseChange,
  requireOpenCase,
  staleVersion,
} from '../cases/case-work.ts';
import { auditCasePersons, danishToday } from '../cases/chronology.ts';
import { storedRelations, toNetworkMap } from './content.ts';
import {
  casePersonNames,
  draftOf,
  insertMap,
  latestMap,
  lockMapRow,
  mapById,
  mapIdTaken,
  nextNumber,
  updateMapAtVersion,
} from './queries.ts';
import { refuseBadContent } from './rules.ts';
import type { NetworkMap, NetworkMapBody, CreateNetworkMapBody } from './schema.ts';
import type { z } from 'zod';

/**
 * Writing the case's network analysis map, versioned: one draft at a time, a copy of the latest
 * version; a finalised version never changes (409 `network_map_final`). Writers: members with the
 * whole case who hold the compartment, while the case is open. Creating and finalising append a
 * chronology event (compartment); every change writes its audit entries in its transaction.
 */

async function loadOne(trx: Transaction<DB>, access: CaseAccess, id: string): Promise<NetworkMap> {
  const row = await mapById(trx, access, id);
  if (!row) throw new AppError('not_found');
  return toNetworkMap(row, await casePersonNames(trx, access));
}

/**
 * Starts a new version with the client's id, a copy of the latest version (or empty for the
 * first). Idempotent: the same id again answers the version it made (`created: false`).
 */
export async function createNetworkMap(
  ctx: RequestContext,
  access: CaseAccess,
  body: z.infer<typeof CreateNetworkMapBody>,
): Promise<{ created: boolean; map: NetworkMap }> {
  return inCaseTransaction(ctx, access, 'networkMap', 'write', async (trx, locked) => {
    if (await mapById(trx, access, body.id)) {
      return { created: false, map: await loadOne(trx, access, body.id) };
    }
    if (await mapIdTaken(trx, body.id)) throw new AppError('duplicate');
    requireOpenCase(locked);
    refuseBadContent({ occasion: body.occasion, relations: [] }, new Map());
    if (await draftOf(trx, access)) {
      throw new AppError('validation_failed', {
        fields: [{ field: 'body.id', code: 'network_map_draft_exists' }],
      });
    }
    const latest = await latestMap(trx, access);
    const number = await nextNumber(trx, access);
    const now = new Date();
    await insertMap(trx, {
      id: body.id,
      case_id: access.caseId,
      number,
      based_on_id: latest?.id ?? null,
      drawn_on: body.drawnOn,
      occasion: body.occasion,
      relations: JSON.stringify(latest ? storedRelations(latest.relations) : []),
      created_by: ctx.user.id,
      created_at: now,
      updated_at: now,
    });
    await recordCaseChange(trx, ctx, access, {
      kind: 'network_map_created',
      compartment: true,
      action: 'create',
      resourceType: 'network_map',
      resourceId: body.id,
      details: { number, basedOnId: latest?.id ?? null },
    });
    return { created: true, map: await loadOne(trx, access, body.id) };
  });
}

/**
 * The step before every change: the case locked and open, the version of this case's map locked
 * (404 otherwise), still a draft (409 `network_map_final`) and at the version the caller saw.
 */
async function lockDraft(trx: Transaction<DB>, access: CaseAccess, id: string, version: number) {
  requireOpenCase(await lockCase(trx, access));
  const current = await lockMapRow(trx, access, id);
  if (!current) throw new AppError('not_found');
  if (current.status !== 'draft') throw new AppError('network_map_final');
  if (current.version !== version) throw staleVersion(current.version);
  return current;
}

/** Replaces the draft's content (optimistic locking on its version). */
export async function updateNetworkMap(
  ctx: RequestContext,
  access: CaseAccess,
  mapId: string,
  body: z.infer<typeof NetworkMapBody>,
): Promise<NetworkMap> {
  requireCaseAbility(access, 'networkMap', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockDraft(trx, access, mapId, body.version);
    refuseBadContent(body, await casePersonNames(trx, access));
    const saved = await updateMapAtVersion(trx, access, mapId, body.version, {
      drawn_on: body.drawnOn,
      occasion: body.occasion,
      relations: JSON.stringify(body.relations),
      updated_at: new Date(),
    });
    if (!saved) throw staleVersion(current.version);
    await auditCasePersons(trx, ctx, access, {
      action: 'update',
      resourceType: 'network_map',
      resourceId: mapId,
      details: { number: current.number, relations: body.relations.length },
    });
    return loadOne(trx, access, mapId);
  });
}

/** Finalises the draft: from then on it is read-only, and the next version copies it. */
export async function finaliseNetworkMap(
  ctx: RequestContext,
  access: CaseAccess,
  mapId: string,
  version: number,
): Promise<NetworkMap> {
  requireCaseAbility(access, 'networkMap', 'write');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await lockDraft(trx, access, mapId, version);
    const now = new Date();
    const done = await updateMapAtVersion(trx, access, mapId, version, {
      status: 'final',
      finalised_by: ctx.user.id,
      finalised_at: now,
      updated_at: now,
    });
    if (!done) throw staleVersion(current.version);
    await recordCaseChange(trx, ctx, access, {
      kind: 'network_map_finalised',
      compartment: true,
      action: 'update',
      resourceType: 'network_map',
      resourceId: mapId,
      details: {
        number: current.number,
        drawnOn: current.drawn_on,
        day: danishToday(now),
        status: 'final',
      },
    });
    return loadOne(trx, access, mapId);
  });
}
