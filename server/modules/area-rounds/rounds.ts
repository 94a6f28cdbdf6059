import type { Transaction } from 'kysely';
import { requireAreaRight } from '../../access/area-access.ts';
import { meetingAccess } from '../../access/meeting-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, staleVersion, type FieldProblem } from '../../platform/errors.ts';
import {
  areaScope,
  areaScopeIn,
  auditRoundWrite,
  partsForWeb,
  type RoundScope,
} from './area-context.ts';
import { nextDueOn, presentContribution, presentRound } from './present.ts';
import * as q from './queries.ts';
import { refuse, textProblems } from './rules.ts';
import type { Round, RoundDetail, RoundList } from './schema.ts';
import type { z } from 'zod';
import type { StartRoundBody, UpdateRoundBody } from './schema.ts';

/**
 * Mapping rounds of a housing area (issue 16 part 2, tool 3): the list, one round with its
 * contributions, a round started at the area's cadence, changed, closed. Starting, changing and
 * closing need `manageRounds` (the area's team and the forum managers). Writes are audited;
 * reads are about places and roles, not citizens, and are not audited as personal-data reads.
 */

async function roundOrNotFound(ctx: RequestContext, scope: RoundScope, roundId: string) {
  const [row] = await q.roundsOf(
    ctx.db,
    scope.access.municipalityCode,
    scope.access.areaId,
    ctx.user.id,
    roundId,
  );
  if (!row) throw new AppError('not_found');
  return row;
}

export async function loadRound(
  ctx: RequestContext,
  scope: RoundScope,
  roundId: string,
): Promise<Round> {
  return presentRound(await roundOrNotFound(ctx, scope, roundId), scope);
}

export async function listRounds(ctx: RequestContext, areaId: string): Promise<RoundList> {
  const scope = await areaScope(ctx, areaId);
  const { municipalityCode } = scope.access;
  const [rows, area] = await Promise.all([
    q.roundsOf(ctx.db, municipalityCode, areaId, ctx.user.id),
    q.areaOfRounds(ctx.db, municipalityCode, areaId),
  ]);
  const latest = rows[0];
  const open = rows.some((r) => r.status === 'open');
  const cadence = area?.cadence ?? null;
  return {
    items: rows.map((r) => presentRound(r, scope)),
    nextDueOn: open ? null : nextDueOn(cadence, latest),
    cadence,
    teamForumId: scope.abilities.manageRounds ? scope.access.teamForumId : null,
    abilities: { start: scope.abilities.manageRounds && cadence !== null && !open },
  };
}

/**
 * The meeting a round is linked to: one the caller may see (meeting-access.ts) of the area's
 * team forum. Anything else is a field problem, the same for a missing and a foreign meeting.
 */
async function meetingProblems(
  ctx: RequestContext,
  scope: RoundScope,
  meetingId: string | null,
): Promise<FieldProblem[]> {
  if (meetingId === null) return [];
  const meeting = await meetingAccess(ctx.db, ctx.user, meetingId);
  const ok =
    meeting !== undefined &&
    scope.access.teamForumId !== null &&
    meeting.forumId === scope.access.teamForumId &&
    meeting.municipalityCode === scope.access.municipalityCode;
  return ok ? [] : [{ field: 'body.meetingId', code: 'area_round_meeting_not_area' }];
}

/**
 * Starts a round with the client's id (idempotent: the same id again answers it). Refused on
 * `body.id` when the area has no cadence (`area_round_no_cadence`) or a round is open
 * (`area_round_open_exists`). Due the cadence after the latest round; the first is due today.
 */
export async function startRound(
  ctx: RequestContext,
  areaId: string,
  body: z.output<typeof StartRoundBody>,
): Promise<{ created: boolean; round: Round }> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.manageRounds);
  const { municipalityCode } = scope.access;
  const existing = await q.roundsOf(ctx.db, municipalityCode, areaId, ctx.user.id, body.id);
  if (existing[0]) return { created: false, round: presentRound(existing[0], scope) };
  if (await q.roundIdTaken(ctx.db, body.id)) throw new AppError('duplicate');
  refuse([
    ...textProblems({ 'body.participants': body.participants }),
    ...(await meetingProblems(ctx, scope, body.meetingId)),
  ]);
  await ctx.db.transaction().execute(async (trx) => {
    await q.lockArea(trx, municipalityCode, areaId);
    await areaScopeIn(trx, ctx, areaId, (a) => a.manageRounds);
    const area = await q.areaOfRounds(trx, municipalityCode, areaId);
    if (!area?.cadence) refuse([{ field: 'body.id', code: 'area_round_no_cadence' }]);
    const latest = await q.latestRound(trx, municipalityCode, areaId);
    if (latest?.status === 'open') refuse([{ field: 'body.id', code: 'area_round_open_exists' }]);
    const number = (latest?.number ?? 0) + 1;
    const dueOn = nextDueOn(area?.cadence ?? null, latest) ?? '';
    await q.insertRound(trx, {
      id: body.id,
      municipality_code: municipalityCode,
      area_id: areaId,
      number,
      due_on: dueOn,
      held_on: body.heldOn,
      participants: body.participants,
      meeting_id: body.meetingId,
      opened_by: ctx.user.id,
    });
    await auditRoundWrite(trx, ctx, scope, {
      action: 'create',
      resourceType: 'area_round',
      resourceId: body.id,
      details: { number, meetingId: body.meetingId },
    });
  });
  return { created: true, round: await loadRound(ctx, scope, body.id) };
}

/** The round locked at the version the caller saw (404 for another area's, 409 for stale). */
async function lockAt(trx: Transaction<DB>, scope: RoundScope, roundId: string, version: number) {
  const row = await q.lockRound(trx, scope.access.municipalityCode, scope.access.areaId, roundId);
  if (!row) throw new AppError('not_found');
  if (row.version !== version) throw staleVersion(row.version);
  return row;
}

/** Changes the held date, participants or meeting of a round not yet systematised. */
export async function updateRound(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  body: z.output<typeof UpdateRoundBody>,
): Promise<Round> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.manageRounds);
  refuse([
    ...textProblems({ 'body.participants': body.participants }),
    ...(await meetingProblems(ctx, scope, body.meetingId)),
  ]);
  await ctx.db.transaction().execute(async (trx) => {
    await areaScopeIn(trx, ctx, areaId, (a) => a.manageRounds);
    const row = await lockAt(trx, scope, roundId, body.version);
    if (row.status === 'systematised') {
      refuse([{ field: 'body.version', code: 'area_round_systematised' }]);
    }
    await q.updateRoundAtVersion(trx, scope.access.municipalityCode, roundId, body.version, {
      held_on: body.heldOn,
      participants: body.participants,
      meeting_id: body.meetingId,
    });
    await auditRoundWrite(trx, ctx, scope, {
      action: 'update',
      resourceType: 'area_round',
      resourceId: roundId,
      details: { number: row.number, meetingId: body.meetingId },
    });
  });
  return loadRound(ctx, scope, roundId);
}

/** Closes an open round: no more contributions; the team systematises it next. */
export async function closeRound(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
  version: number,
): Promise<Round> {
  const scope = await areaScope(ctx, areaId);
  requireAreaRight(scope.abilities.manageRounds);
  await ctx.db.transaction().execute(async (trx) => {
    await areaScopeIn(trx, ctx, areaId, (a) => a.manageRounds);
    const row = await lockAt(trx, scope, roundId, version);
    if (row.status !== 'open') refuse([{ field: 'body.version', code: 'area_round_not_open' }]);
    await q.updateRoundAtVersion(trx, scope.access.municipalityCode, roundId, version, {
      status: 'closed',
    });
    await auditRoundWrite(trx, ctx, scope, {
      action: 'update',
      resourceType: 'area_round',
      resourceId: roundId,
      details: { number: row.number, status: 'closed' },
    });
  });
  return loadRound(ctx, scope, roundId);
}

/**
 * One round with its contributions: every one for the team and managers, only the caller's own
 * for a partner (never another contributor's), none for an aggregate-only caller.
 */
export async function roundDetail(
  ctx: RequestContext,
  areaId: string,
  roundId: string,
): Promise<RoundDetail> {
  const scope = await areaScope(ctx, areaId);
  const row = await roundOrNotFound(ctx, scope, roundId);
  const { standing, municipalityCode } = scope.access;
  const rows = scope.abilities.readContributions
    ? await q.contributionsOf(ctx.db, municipalityCode, roundId)
    : standing === 'partner'
      ? await q.contributionsOf(ctx.db, municipalityCode, roundId, ctx.user.id)
      : [];
  const open = row.status === 'open';
  return {
    round: presentRound(row, scope),
    contributions: rows.map((c) => presentContribution(c, scope, ctx.user.id, open)),
    parts: await partsForWeb(ctx.db, scope),
  };
}
