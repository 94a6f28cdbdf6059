import type { z } from 'zod';
import { requireAreaRight } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import { AppError, staleVersion, type FieldProblem } from '../../platform/errors.ts';
import { CONTRIBUTION_CATEGORIES, CONTRIBUTION_STANCES } from '../../../shared/housing-areas.ts';
import {
  areaScope,
  auditRoundWrite,
  livePartIds,
  partsForWeb,
  type RoundScope,
} from './area-context.ts';
import { diffOverviews, mergeContributions } from './overview-diff.ts';
import * as q from './queries.ts';
import * as qo from './queries-overview.ts';
import { loadRound } from './rounds.ts';
import { itemProblems, refuse, storedContent } from './rules.ts';
import type { OverviewItem, OverviewResponse, SystematiseBody } from './schema.ts';

/**
 * The area overview (issue 16 part 2): a closed round systematised into one overview — per level
 * and category the items merged from its contributions, in the team's wording, some left out —
 * stored versioned with the round, and compared with the last systematised round's overview
 * (new, gone, changed). Readers: `readOverview` (the team, the managers, partners granted it);
 * an aggregate-only caller gets the counts per category and stance, nothing else. Writers:
 * `manageRounds`.
 */

const itemsOf = (stored: unknown): OverviewItem[] => stored as OverviewItem[];

function countsOf(items: readonly { category: string; stance: string }[]) {
  return CONTRIBUTION_CATEGORIES.flatMap((category) =>
    CONTRIBUTION_STANCES.map((stance) => ({
      category,
      stance,
      count: items.filter((i) => i.category === category && i.stance === stance).length,
    })),
  ).filter((c) => c.count > 0);
}

export async function getOverview(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
): Promise<OverviewResponse> {
  const scope = await areaScope(ctx, areaId);
  const { municipalityCode, standing } = scope.access;
  const round = await loadRound(ctx, scope, roundId);
  const aggregateOnly = standing === 'aggregate';
  if (!aggregateOnly) requireAreaRight(scope.abilities.readOverview);
  const stored = await qo.overviewOf(ctx.db, municipalityCode, roundId);
  const items = stored ? itemsOf(stored.items) : null;
  const contributions =
    items === null ? await q.contributionsOf(ctx.db, municipalityCode, roundId) : [];
  const counts = countsOf(items ?? contributions);
  if (aggregateOnly) {
    return { round, overview: null, proposal: null, changes: null, counts, parts: [] };
  }
  const proposal =
    round.abilities.systematise && items === null
      ? mergeContributions(
          contributions.map((c) => ({
            partId: c.part_id,
            category: c.category as OverviewItem['category'],
            stance: c.stance,
            sign: c.sign,
            label: c.label,
            description: c.description,
            howToReach: c.how_to_reach,
          })),
        )
      : null;
  let changes: OverviewResponse['changes'] = null;
  if (items !== null) {
    const previous = await qo.previousOverview(ctx.db, municipalityCode, areaId, round.number);
    if (previous) {
      changes = {
        previousRoundNumber: previous.number,
        entries: diffOverviews(items, itemsOf(previous.items)),
      };
    }
  }
  return {
    round,
    overview:
      stored && items
        ? { items, version: stored.version, updatedAt: stored.updated_at.toISOString() }
        : null,
    proposal,
    changes,
    counts,
    parts: await partsForWeb(ctx.db, scope),
  };
}

async function checkedItems(
  ctx: RequestContext,
  scope: RoundScope,
  items: readonly OverviewItem[],
): Promise<OverviewItem[]> {
  const partIds = await livePartIds(ctx.db, scope);
  const keys = new Set<string>();
  const problems: FieldProblem[] = [];
  items.forEach((item, i) => {
    problems.push(...itemProblems(item, `body.items.${i}`, partIds));
    if (keys.has(item.key)) {
      problems.push({ field: `body.items.${i}.key`, code: 'area_round_duplicate_item' });
    }
    keys.add(item.key);
  });
  refuse(problems);
  return items.map((item) => storedContent(item));
}

/** Systematises a closed round into its overview; the next round is then due by the cadence. */
export async function systematiseRound(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  body: z.output<typeof SystematiseBody>,
): Promise<OverviewResponse> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.manageRounds);
  const items = await checkedItems(ctx, scope, body.items);
  const { municipalityCode } = scope.access;
  await ctx.db.transaction().execute(async (trx) => {
    const round = await q.lockRound(trx, municipalityCode, areaId, roundId);
    if (!round) throw new AppError('not_found');
    if (round.version !== body.version) throw staleVersion(round.version);
    if (round.status !== 'closed') {
      refuse([{ field: 'body.version', code: 'area_round_not_closed' }]);
    }
    await qo.insertOverview(trx, {
      round_id: roundId,
      municipality_code: municipalityCode,
      items: JSON.stringify(items),
      created_by: ctx.user.id,
    });
    await q.updateRoundAtVersion(trx, municipalityCode, roundId, body.version, {
      status: 'systematised',
      systematised_at: new Date(),
      systematised_by: ctx.user.id,
    });
    await auditRoundWrite(trx, ctx, scope, {
      action: 'create',
      resourceType: 'area_round_overview',
      resourceId: roundId,
      details: { number: round.number, items: items.length },
    });
  });
  return getOverview(ctx, areaId, roundId);
}

/** Corrects the overview's wording or items (optimistic locking on the overview's version). */
export async function updateOverview(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  body: z.output<typeof SystematiseBody>,
): Promise<OverviewResponse> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.manageRounds);
  const items = await checkedItems(ctx, scope, body.items);
  const { municipalityCode } = scope.access;
  await ctx.db.transaction().execute(async (trx) => {
    const round = await q.lockRound(trx, municipalityCode, areaId, roundId);
    if (!round) throw new AppError('not_found');
    const stored = await qo.overviewOf(trx, municipalityCode, roundId);
    if (!stored) throw new AppError('not_found');
    const saved = await qo.updateOverviewAtVersion(trx, municipalityCode, roundId, body.version, {
      items: JSON.stringify(items),
      updated_by: ctx.user.id,
    });
    if (!saved) throw staleVersion(stored.version);
    await auditRoundWrite(trx, ctx, scope, {
      action: 'update',
      resourceType: 'area_round_overview',
      resourceId: roundId,
      details: { number: round.number, items: items.length },
    });
  });
  return getOverview(ctx, areaId, roundId);
}
