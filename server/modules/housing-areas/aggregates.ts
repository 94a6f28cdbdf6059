import type { Kysely } from 'kysely';
import { visibleAreas } from '../../access/area-access.ts';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { countIdentificationsByArea } from '../inquiries/queries-area-counts.ts';
import { partCountsByArea } from './queries-aggregates.ts';

/**
 * Figures per housing area for the steering group, leaders, analysts and managers (issue 16
 * part 1): counts only — never a name of a person, a text or a shape. Every area of the caller's
 * municipality the caller has a standing in; a period (default: the last twelve months) for the
 * figures that happen in time.
 */

/** A module's figures per area for a period: `count…ByArea(db, municipalityCode, areaIds, from, to)`. */
type AreaCounter = (
  db: Kysely<DB>,
  municipalityCode: string,
  areaIds: readonly string[],
  from: Date,
  to: Date,
) => Promise<Map<string, number>>;

/**
 * THE SPOT FOR THE OTHER SLICES' FIGURES (filled by the lead at merge): each entry's key is the
 * figure's name in `more` (and its label in the web's `housingAreas.aggregates.more.<key>`), its
 * value the module's exported counter, e.g.
 *   rounds: countRoundsByArea          (server/modules/area-rounds)
 *   planGoals: countPlanGoalsByArea    (server/modules/area-plans)
 *   interventions: countInterventionsByArea (server/modules/area-work)
 */
export const MORE_AREA_COUNTERS: Record<string, AreaCounter> = {};

function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}

export async function areaAggregates(
  ctx: RequestContext,
  period: { from?: string | undefined; to?: string | undefined },
) {
  const code = ctx.user.municipalityCode;
  if (!code) throw new AppError('not_found');
  const today = new Date().toISOString().slice(0, 10);
  const to = period.to ?? today;
  const yearAgo = new Date(dayStart(to).getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const from = period.from ?? yearAgo;
  if (from > to) {
    throw new AppError('validation_failed', {
      fields: [{ field: 'query.from', code: 'area_period_order' }],
    });
  }
  const ids = (await visibleAreas(ctx.db, ctx.user))
    .filter((a) => a.municipalityCode === code && a.standing !== 'partner')
    .map((a) => a.areaId);
  const fromAt = dayStart(from);
  const toAt = new Date(dayStart(to).getTime() + 86_400_000);
  const rows = await partCountsByArea(ctx.db, code, ids);
  const identifications = await countIdentificationsByArea(ctx.db, code, ids, fromAt, toAt);
  const more: Record<string, Map<string, number>> = {};
  for (const [name, counter] of Object.entries(MORE_AREA_COUNTERS)) {
    more[name] = await counter(ctx.db, code, ids, fromAt, toAt);
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
      identifications: identifications.get(r.id) ?? 0,
      more: Object.fromEntries(Object.entries(more).map(([name, m]) => [name, m.get(r.id) ?? 0])),
    })),
  };
}
