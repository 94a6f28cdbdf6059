import type { Kysely } from 'kysely';
import { visibleAreas } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { SMALL_CELL_LIMIT } from '../../platform/small-cells.ts';
import { countAreaPlanGoalsByArea } from '../area-plans/follow-ups.ts';
import { countRoundsByArea } from '../area-rounds/queries-counts.ts';
import { countAreaInterventionsByArea } from '../area-work/interventions.ts';
import { countIdentificationsByArea } from '../inquiries/queries-area-counts.ts';
import { partCountsByArea } from './queries-aggregates.ts';

/**
 * Figures per housing area for the steering group, leaders, analysts and managers (issue 16
 * part 1): counts only — never a name of a person, a text or a shape. Every area of the caller's
 * municipality the caller has a standing in; a period (default: the twelve whole calendar months
 * ending with the current one) for the figures that happen in time. For an area the caller sees
 * at the `aggregate` standing only, identifications of 1–4 are "under 5" (platform/small-cells.ts)
 * and the period must be whole calendar months.
 */

/**
 * A module's figure per area: `(db, municipalityCode, areaIds, from, to)` with the first and last
 * day counted (YYYY-MM-DD, both included); a figure that is a current state ignores the period.
 */
type AreaCounter = (
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
  from: string,
  to: string,
) => Promise<Map<string, number>>;

/**
 * The other slices' figures: each key is the figure's name in `more` (and its label in the web's
 * `housingAreas.figures.more.<key>`). Counts of rounds, goals and interventions, never of people.
 */
export const MORE_AREA_COUNTERS: Record<string, AreaCounter> = {
  /** Mapping rounds held in the period. */
  rounds: async (db, code, ids, from, to) =>
    new Map(
      (await countRoundsByArea(db, code, ids, from, to)).map((r) => [r.areaId, r.roundsHeld]),
    ),
  /** The approved action plans' goals now, and how many of them are achieved. */
  planGoals: async (db, code, ids) =>
    new Map([...(await countAreaPlanGoalsByArea(db, code, ids))].map(([id, c]) => [id, c.total])),
  planGoalsAchieved: async (db, code, ids) =>
    new Map(
      [...(await countAreaPlanGoalsByArea(db, code, ids))].map(([id, c]) => [id, c.achieved]),
    ),
  /** Interventions running in the period (all kinds). */
  interventions: async (db, code, ids, from, to) => {
    const counts = new Map<string, number>();
    for (const row of await countAreaInterventionsByArea(db, code, ids, from, to)) {
      counts.set(row.areaId, (counts.get(row.areaId) ?? 0) + row.count);
    }
    return counts;
  },
};

/** A count of people as an aggregate-only caller sees it: 1–4 are "under 5" (small-cells rule). */
function suppressed(n: number): number | 'under_5' {
  return n > 0 && n < SMALL_CELL_LIMIT ? 'under_5' : n;
}

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

/** The last day of the month of `day` (YYYY-MM-DD). */
function monthEnd(day: string): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** Default period: the twelve whole calendar months ending with the current one. */
function defaultPeriod(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const from = new Date(Date.UTC(y, m - 12, 1)).toISOString().slice(0, 10);
  return { from, to: monthEnd(today) };
}

export async function areaAggregates(
  ctx: RequestContext,
  period: { from?: string | undefined; to?: string | undefined },
) {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  const today = new Date().toISOString().slice(0, 10);
  const fallback = defaultPeriod(today);
  const to = period.to ?? fallback.to;
  const from = period.from ?? (period.to ? defaultPeriod(to).from : fallback.from);
  if (from > to) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.from', code: 'area_period_order' }],
    });
  }
  const visible = (await visibleAreas(ctx.db, ctx.user)).filter(
    (a) => a.municipalityCode === code && a.standing !== 'partner',
  );
  const ids = visible.map((a) => a.areaId);
  const aggregateOnly = new Set(
    visible.filter((a) => a.standing === 'aggregate').map((a) => a.areaId),
  );
  // Figures about people (identifications) for those who see no record behind them: whole
  // calendar months only (no single day to single out), and 1–4 shown as "under 5".
  if (aggregateOnly.size > 0) {
    const fields = [];
    if (!from.endsWith('-01'))
      fields.push({ field: 'query.from', code: 'area_period_whole_months' });
    if (to !== monthEnd(to)) fields.push({ field: 'query.to', code: 'area_period_whole_months' });
    if (fields.length > 0) throw new AppError('validation_failed', { fields });
  }
  const fromAt = dayStart(from);
  const toAt = new Date(dayStart(to).getTime() + 86_400_000);
  const rows = await partCountsByArea(ctx.db, code, ids);
  const identifications = await countIdentificationsByArea(ctx.db, code, ids, fromAt, toAt);
  const more: Record<string, Map<string, number>> = {};
  for (const [name, counter] of Object.entries(MORE_AREA_COUNTERS)) {
    more[name] = await counter(ctx.db, code, ids, from, to);
  }
  return {
    from,
    to,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      archived: r.archived,
      zones: Number(r.zones),
      places: Number(r.places),
      partners: Number(r.partners),
      identifications: aggregateOnly.has(r.id)
        ? suppressed(identifications.get(r.id) ?? 0)
        : (identifications.get(r.id) ?? 0),
      more: Object.fromEntries(Object.entries(more).map(([name, m]) => [name, m.get(r.id) ?? 0])),
    })),
  };
}
