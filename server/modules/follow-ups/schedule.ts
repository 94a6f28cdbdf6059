import type { Transaction } from 'kysely';
import type { RequestContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { CaseAccess } from '../../access/records.ts';
import { recordCaseChange } from '../cases/case-work.ts';
import { cancelScheduledRows, insertFollowUps } from './queries.ts';

/** The follow-up frequency of an approved plan, as the plan module passes it. */
export interface PlanSchedule {
  id: string;
  startsOn: string | null;
  endsOn: string | null;
  nextFollowUpOn: string | null;
  intervalDays: number | null;
}

/** The plan's interval when it gives none (days). */
export const DEFAULT_INTERVAL_DAYS = 30;
/** Never more follow-ups than this from one plan. */
export const MAX_SCHEDULED = 24;
/** Follow-ups "more often at the start" are never closer than this (days). */
export const MIN_EARLY_GAP_DAYS = 7;
/** How many follow-ups come at the shorter gap at the start. */
const EARLY_COUNT = 2;

/** A calendar date (YYYY-MM-DD) plus a number of days. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A calendar date plus a number of months (the 31st becomes the next month's first days). */
export function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/**
 * The due dates of the follow-ups of a plan, "more often at the start": the first on the plan's
 * next follow-up date (or its start, or `today` + the interval), never before `today`; the next
 * two at half the interval (at least 7 days apart), then at the full interval; up to and
 * including the plan's end (or 12 months after the first), at most 24.
 */
export function followUpDates(plan: Omit<PlanSchedule, 'id'>, today: string): string[] {
  const interval = plan.intervalDays ?? DEFAULT_INTERVAL_DAYS;
  const early = Math.max(MIN_EARLY_GAP_DAYS, Math.floor(interval / 2));
  let first = plan.nextFollowUpOn ?? plan.startsOn ?? addDays(today, interval);
  if (first < today) first = today;
  const last = plan.endsOn ?? addMonths(first, 12);
  const dates: string[] = [];
  let next = first;
  while (next <= last && dates.length < MAX_SCHEDULED) {
    dates.push(next);
    next = addDays(next, dates.length <= EARLY_COUNT ? early : interval);
  }
  return dates;
}

/**
 * Schedules the case's follow-ups from an approved plan (more often at the start), replacing the
 * scheduled ones not yet held. Called by the plan module in the approval's transaction; returns
 * how many were scheduled. `today` is Danish today (YYYY-MM-DD).
 */
export async function scheduleFollowUpsForPlan(
  trx: Transaction<DB>,
  ctx: RequestContext,
  access: CaseAccess,
  plan: PlanSchedule,
  today: string,
): Promise<number> {
  const replaced = await cancelScheduledRows(trx, access, today);
  const dates = followUpDates(plan, today);
  if (dates.length > 0) {
    await insertFollowUps(
      trx,
      access,
      dates.map((due_on) => ({ plan_id: plan.id, due_on })),
    );
  }
  if (dates.length > 0 || replaced > 0) {
    await recordCaseChange(trx, ctx, access, {
      kind: 'follow_up_scheduled',
      changes: { count: { from: null, to: dates.length } },
      action: 'create',
      resourceType: 'case_follow_up',
      resourceId: access.caseId,
      details: { planId: plan.id, scheduled: dates.length, replaced },
    });
  }
  return dates.length;
}
