import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion } from '../../platform/errors.ts';
import {
  areaScope,
  areaScopeIn,
  auditRoundWrite,
  livePartIds,
  type RoundScope,
} from './area-context.ts';
import { presentContribution } from './present.ts';
import * as q from './queries.ts';
import { itemProblems, refuse, storedContent } from './rules.ts';
import type {
  Contribution,
  ContributionFieldsOut,
  CreateContributionBody,
  UpdateContributionBody,
} from './schema.ts';

/**
 * Contributions to an open mapping round (the `contribute` ability: the area's team, the forum
 * managers and partners granted to contribute). A contributor changes and deletes only their own,
 * while the round is open (optimistic locking). Nothing is stored when a text holds a CPR number
 * or a record reference, a sign is missing or unknown, or the level is not the area's.
 */

async function openRoundLocked(trx: Transaction<DB>, scope: RoundScope, roundId: string) {
  const round = await q.lockRound(trx, scope.access.municipalityCode, scope.access.areaId, roundId);
  if (!round) throw new AppError('not_found');
  if (round.status !== 'open') refuse([{ field: 'params.roundId', code: 'area_round_not_open' }]);
  return round;
}

function values(body: ContributionFieldsOut): q.ContributionValues {
  const c = storedContent(body);
  return {
    part_id: c.partId,
    stance: c.stance,
    category: c.category,
    sign: c.sign,
    label: c.label,
    description: c.description,
    how_to_reach: c.howToReach,
  };
}

async function checked(ctx: RequestContext, scope: RoundScope, body: ContributionFieldsOut) {
  refuse(itemProblems(body, 'body', await livePartIds(ctx.db, scope)));
}

async function loadOne(
  ctx: RequestContext,
  scope: RoundScope,
  roundId: string,
  id: string,
): Promise<Contribution> {
  const rows = await q.contributionsOf(ctx.db, scope.access.municipalityCode, roundId, ctx.user.id);
  const row = rows.find((r) => r.id === id);
  if (!row) throw new AppError('not_found');
  const [round] = await q.roundsOf(
    ctx.db,
    scope.access.municipalityCode,
    scope.access.areaId,
    ctx.user.id,
    roundId,
  );
  return presentContribution(row, scope, ctx.user.id, round?.status === 'open');
}

/** Adds the caller's contribution with the client's id (the same id again answers it). */
export async function addContribution(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  body: z.output<typeof CreateContributionBody>,
): Promise<{ created: boolean; contribution: Contribution }> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.contribute);
  const taken = await q.contributionIdTaken(ctx.db, body.id);
  if (taken) {
    if (taken.round_id !== roundId || taken.contributor_id !== ctx.user.id) {
      throw new AppError('duplicate');
    }
    return { created: false, contribution: await loadOne(ctx, scope, roundId, body.id) };
  }
  await checked(ctx, scope, body);
  await ctx.db.transaction().execute(async (trx) => {
    await areaScopeIn(trx, ctx, areaId, (a) => a.contribute);
    const round = await openRoundLocked(trx, scope, roundId);
    await q.insertContribution(trx, {
      id: body.id,
      municipality_code: scope.access.municipalityCode,
      round_id: roundId,
      contributor_id: ctx.user.id,
      ...values(body),
    });
    await auditRoundWrite(trx, ctx, scope, {
      action: 'create',
      resourceType: 'area_round_contribution',
      resourceId: body.id,
      details: { roundId, number: round.number, category: body.category },
    });
  });
  return { created: true, contribution: await loadOne(ctx, scope, roundId, body.id) };
}

/** The caller's own contribution of the open round, locked at the version they saw. */
async function ownLocked(
  trx: Transaction<DB>,
  ctx: RequestContext,
  scope: RoundScope,
  roundId: string,
  id: string,
  version: number,
) {
  await openRoundLocked(trx, scope, roundId);
  const row = await q.lockContribution(trx, scope.access.municipalityCode, roundId, id);
  // Another's contribution is as invisible to a partner as a missing one; the team sees it
  // but may not change it.
  if (!row || (row.contributor_id !== ctx.user.id && !scope.abilities.readContributions)) {
    throw new AppError('not_found');
  }
  // Only its contributor changes a contribution (403 for a team member who may read it).
  requireAreaRight(row.contributor_id === ctx.user.id);
  if (row.version !== version) throw staleVersion(row.version);
  return row;
}

export async function updateContribution(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  id: string,
  body: z.output<typeof UpdateContributionBody>,
): Promise<Contribution> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.contribute);
  await checked(ctx, scope, body);
  await ctx.db.transaction().execute(async (trx) => {
    await areaScopeIn(trx, ctx, areaId, (a) => a.contribute);
    await ownLocked(trx, ctx, scope, roundId, id, body.version);
    await q.updateContributionAtVersion(
      trx,
      scope.access.municipalityCode,
      id,
      body.version,
      values(body),
    );
    await auditRoundWrite(trx, ctx, scope, {
      action: 'update',
      resourceType: 'area_round_contribution',
      resourceId: id,
      details: { roundId, category: body.category },
    });
  });
  return loadOne(ctx, scope, roundId, id);
}

export async function deleteContribution(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  id: string,
  version: number,
): Promise<void> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.contribute);
  await ctx.db.transaction().execute(async (trx) => {
    await areaScopeIn(trx, ctx, areaId, (a) => a.contribute);
    const row = await ownLocked(trx, ctx, scope, roundId, id, version);
    await q.deleteContributionAtVersion(trx, scope.access.municipalityCode, id, version);
    await auditRoundWrite(trx, ctx, scope, {
      action: 'delete',
      resourceType: 'area_round_contribution',
      resourceId: id,
      details: { roundId, category: row.category },
    });
  });
}
