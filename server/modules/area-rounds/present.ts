import { danishToday } from '../cases/chronology.ts';
import { addMonths } from '../follow-ups/schedule.ts';
import { CADENCE_MONTHS, type AreaCadence } from '../../../shared/housing-areas.ts';
import type { RoundScope } from './area-context.ts';
import type { ContributionRow, RoundRow } from './queries.ts';
import type { Contribution, Round } from './schema.ts';

/** Rows to responses, with the abilities the caller has on each round and contribution. */

/**
 * The day the next round is due: the cadence after the latest round (the day it was held, else
 * the day it was due); the first round is due today. Null without a cadence.
 */
export function nextDueOn(
  cadence: AreaCadence | null,
  latest: { held_on: string | null; due_on: string } | undefined,
  now = new Date(),
): string | null {
  if (cadence === null) return null;
  if (!latest) return danishToday(now);
  return addMonths(latest.held_on ?? latest.due_on, CADENCE_MONTHS[cadence]);
}

export function presentRound(row: RoundRow, scope: RoundScope): Round {
  const a = scope.abilities;
  const systematisedDay = row.systematised_at ? danishToday(row.systematised_at) : null;
  const doneOn = row.held_on ?? systematisedDay;
  return {
    id: row.id,
    areaId: row.area_id,
    number: row.number,
    status: row.status,
    dueOn: row.due_on,
    heldOn: row.held_on,
    onTime: doneOn === null ? null : doneOn <= row.due_on,
    participants: a.readMap ? row.participants : null,
    meetingId: a.readMap ? row.meeting_id : null,
    meetingStartsAt:
      a.readMap && row.meeting_starts_at ? row.meeting_starts_at.toISOString() : null,
    // A partner counts only their own: nothing about what others brought.
    contributionCount:
      a.readContributions || scope.access.standing === 'aggregate'
        ? row.contribution_count
        : row.own_count,
    ownContributionCount: row.own_count,
    systematisedAt: row.systematised_at?.toISOString() ?? null,
    version: row.version,
    abilities: {
      contribute: a.contribute && row.status === 'open',
      readContributions: a.readContributions,
      readOverview: a.readOverview,
      manage: a.manageRounds && row.status !== 'systematised',
      close: a.manageRounds && row.status === 'open',
      systematise: a.manageRounds && row.status === 'closed',
      editOverview: a.manageRounds && row.status === 'systematised',
    },
  };
}

export function presentContribution(
  row: ContributionRow,
  scope: RoundScope,
  userId: string,
  roundOpen: boolean,
): Contribution {
  const own = row.contributor_id === userId;
  const mayChange = own && roundOpen && scope.abilities.contribute;
  return {
    id: row.id,
    roundId: row.round_id,
    partId: row.part_id,
    stance: row.stance,
    category: row.category as Contribution['category'],
    sign: row.sign,
    label: row.label,
    description: row.description,
    howToReach: row.how_to_reach,
    own,
    contributorName: scope.abilities.readContributions || own ? row.contributor_name : null,
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    abilities: { edit: mayChange, delete: mayChange },
  };
}
