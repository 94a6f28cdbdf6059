import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { AppError } from '../platform/errors.ts';
import { allows } from './policies.ts';
import { areaAccessRows, type AreaAccessRow } from './queries-areas.ts';
import type { CurrentUser } from './sessions.ts';

/**
 * Who may see and do what with a housing area (issue 16): the one place that decides it.
 *
 * - `manager`: the municipality's forum managers (`forums.manage`: coordinators, municipal
 *   administrators) — everything, and they grant partners and set the area's team.
 * - `team`: the members of the area's team forum (a forum of kind `housing_area`; police staff of
 *   the district may sit in it) — the map, the rounds, the analysis and plan, the interventions.
 * - `partner`: a user granted the area (housing social workers, front-line staff): the map, their
 *   own contributions, the identification forms, and the overview only when granted it.
 * - `aggregate`: leaders and analysts of the municipality (`areas.aggregates`) and the members of
 *   its steering group — figures only, never a text or a shape.
 * Anyone else gets 404, exactly as for an area that does not exist.
 */
export type AreaStanding = 'manager' | 'team' | 'partner' | 'aggregate';

export interface AreaAccess {
  areaId: string;
  municipalityCode: string;
  teamForumId: string | null;
  archived: boolean;
  version: number;
  standing: AreaStanding;
  /** A partner grant's terms (false for anyone without a grant). */
  partnerContributes: boolean;
  partnerSeesOverview: boolean;
}

function standingOf(user: CurrentUser, row: AreaAccessRow): AreaAccess | undefined {
  const ownMunicipality = user.municipalityCode === row.municipality_code;
  const standing: AreaStanding | null =
    ownMunicipality && allows(user, 'forums.manage')
      ? 'manager'
      : row.team_member
        ? 'team'
        : row.partner_contributes !== null
          ? 'partner'
          : ownMunicipality && (allows(user, 'areas.aggregates') || row.steering_member)
            ? 'aggregate'
            : null;
  if (standing === null) return undefined;
  return {
    areaId: row.id,
    municipalityCode: row.municipality_code,
    teamForumId: row.team_forum_id,
    archived: row.archived,
    version: row.version,
    standing,
    partnerContributes: row.partner_contributes === true,
    partnerSeesOverview: row.partner_sees_overview === true,
  };
}

/** The area and the caller's standing in it; undefined when the caller may not see it. */
export async function areaAccess(
  db: Kysely<DB>,
  user: CurrentUser,
  areaId: string,
): Promise<AreaAccess | undefined> {
  const [row] = await areaAccessRows(db, user, [areaId]);
  return row ? standingOf(user, row) : undefined;
}

/** The area and the caller's standing; 404 `not_found` when the caller may not see it. */
export async function requireArea(
  db: Kysely<DB>,
  user: CurrentUser,
  areaId: string,
): Promise<AreaAccess> {
  const access = await areaAccess(db, user, areaId);
  if (!access) throw new AppError('not_found');
  return access;
}

/**
 * The batch form for lists: the areas (of `areaIds`, or all) the caller has a standing in, in
 * one query. An area missing from the result is invisible to the caller: no trace in a list.
 */
export async function visibleAreas(
  db: Kysely<DB>,
  user: CurrentUser,
  areaIds?: readonly string[],
): Promise<AreaAccess[]> {
  const rows = await areaAccessRows(db, user, areaIds);
  return rows.flatMap((row) => standingOf(user, row) ?? []);
}

const WORKS_ON_AREA: readonly AreaStanding[] = ['manager', 'team'];

/**
 * What the caller may do with the area, sent to the web with every area response. An archived
 * area is read-only. `planApprover`: the caller may approve area plans in the municipality
 * (`areas.approvePlan`); the plan's module adds its own four-eyes rule on top.
 */
export function areaAbilities(access: AreaAccess, user: CurrentUser) {
  const works = WORKS_ON_AREA.includes(access.standing);
  const open = !access.archived;
  const contributes = works || (access.standing === 'partner' && access.partnerContributes);
  return {
    /** Names, shapes, descriptions, zones and places (everyone but `aggregate`). */
    readMap: access.standing !== 'aggregate',
    /** Change the area's shape, zones, places, cadence. */
    edit: open && works,
    /** Grant partners, set the team forum, archive. */
    manage: open && access.standing === 'manager',
    /** Add one's own contribution to an open mapping round. */
    contribute: open && contributes,
    /** Read every contribution of a round (a partner reads only their own). */
    readContributions: works,
    /** The systematised area overview and what changed since the last round. */
    readOverview: works || (access.standing === 'partner' && access.partnerSeesOverview),
    /** Start, close and systematise mapping rounds. */
    manageRounds: open && works,
    /** Send an identification form (tools 4a, 4b), which becomes a concern inquiry. */
    identify: open && contributes,
    /** Read the area analysis and the area action plan (texts): the team and the managers. */
    readPlan: works,
    /** The area analysis, the area action plan's drafts and its goals' follow-up. */
    writePlan: open && works,
    approvePlan: open && works && allows(user, 'areas.approvePlan'),
    /** Read the area, civil-society and upskilling interventions: the team and the managers. */
    readInterventions: works,
    /** Record and follow them up. */
    writeInterventions: open && works,
    /** Figures about the area (counts only): every standing. */
    readAggregates: true,
  };
}
export type AreaAbilities = ReturnType<typeof areaAbilities>;

/** Refuses (403) what the caller's standing in the area does not allow (`allowed` from the rules here). */
export function requireAreaRight(allowed: boolean): void {
  if (!allowed) throw new AppError('forbidden');
}
